package dev.flotilla.image.upload;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Why an upload was refused; nothing was stored. */
class UploadRejectedException extends ProblemException {

    private UploadRejectedException(HttpStatus status, String detail) {
        super(status, detail);
    }

    static UploadRejectedException missingFile() {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST,
                "send the image as the multipart part 'file' (multipart/form-data)");
    }

    static UploadRejectedException tooLarge(long size, long maxSize) {
        UploadRejectedException e = new UploadRejectedException(HttpStatus.CONTENT_TOO_LARGE,
                "the file has " + size + " bytes; at most " + maxSize + " are accepted");
        e.property("maxBytes", maxSize);
        return e;
    }

    static UploadRejectedException notAnImage() {
        UploadRejectedException e = new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "the file is not a JPEG, PNG, GIF or WebP image (judged by its content, not its name or declared type)");
        e.property("accepted", new String[] {"image/jpeg", "image/png", "image/gif", "image/webp"});
        return e;
    }

    static UploadRejectedException unreadable(String format) {
        return new UploadRejectedException(HttpStatus.UNPROCESSABLE_CONTENT,
                "the file starts like a " + format + " image but its header cannot be read: it is corrupt or truncated");
    }

    static UploadRejectedException tooManyPixels(int width, int height, long maxPixels) {
        UploadRejectedException e = new UploadRejectedException(HttpStatus.UNPROCESSABLE_CONTENT,
                "the image is " + width + " x " + height + " pixels; at most " + maxPixels + " pixels are accepted");
        e.property("width", width);
        e.property("height", height);
        e.property("maxPixels", maxPixels);
        return e;
    }

    static UploadRejectedException queueFull(long pending) {
        UploadRejectedException e = new UploadRejectedException(HttpStatus.SERVICE_UNAVAILABLE,
                "too many images are waiting to be processed (" + pending + "); try again shortly");
        e.retryAfter(Duration.ofSeconds(10));
        return e;
    }
}
