package dev.flotilla.image.image;

import java.time.Duration;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The image's renditions are not there yet (or never will be): 409 with its status. */
class ImageNotReadyException extends ProblemException {

    ImageNotReadyException(ImageView image) {
        super(HttpStatus.CONFLICT, image.status() == ImageStatus.FAILED
                ? "the image could not be processed: " + image.failureReason()
                : "the image is " + image.status() + "; its variants are served once it is READY");
        property("status", image.status());
        if (image.status() != ImageStatus.FAILED) {
            retryAfter(Duration.ofSeconds(1));
        }
    }
}
