package dev.flotilla.image.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

import dev.flotilla.image.Caller;
import dev.flotilla.image.storage.ObjectStorage;
import dev.flotilla.image.storage.StoredObject;
import dev.flotilla.web.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bytes of a rendition, streamed from the bucket: {@code ETag} (a conditional read is answered
 * from the record, without touching the store), long-lived caching for the immutable variants, and
 * one byte range per request ({@code Range}, honoured only while {@code If-Range} still matches).
 */
@RestController
class VariantController {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String PRIVATE = "private, max-age=3600";

    private final ImageRecords records;
    private final ObjectStorage storage;

    VariantController(ImageRecords records, ObjectStorage storage) {
        this.records = records;
        this.storage = storage;
    }

    @GetMapping("/api/images/{id}/variants/{name}")
    @Operation(summary = "The bytes of a variant (thumbnail, medium: public once READY; original: its owner's)")
    void variant(@PathVariable UUID id, @PathVariable String name,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
            @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            @AuthenticationPrincipal @Nullable Jwt token, HttpServletResponse response) throws IOException {
        Variant variant = Variant.fromUrlName(name).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "no variant '" + name + "'; the variants are thumbnail, medium and original"));
        ImageView image = records.find(id).orElseThrow(() -> new ImageNotFoundException(id));
        if (variant == Variant.ORIGINAL) {
            requireOwner(image, token);
        }
        if (image.status() != ImageStatus.READY) {
            throw new ImageNotReadyException(image);
        }
        ImageView.VariantView file = image.variants().get(variant.urlName());
        if (file == null) {
            throw new ImageNotFoundException(id);
        }
        String etag = "\"" + file.etag() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, variant == Variant.ORIGINAL ? PRIVATE : IMMUTABLE);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (matches(ifNoneMatch, etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        ByteRange bytes = ByteRange.of(ifRange == null || ifRange.equals(etag) ? range : null, file.sizeBytes());
        try (StoredObject object = storage.open(variant.key(id.toString()), bytes.header())
                .orElseThrow(() -> new ImageNotFoundException(id))) {
            response.setContentType(file.contentType());
            response.setContentLengthLong(bytes.length());
            if (bytes.partial()) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, bytes.contentRange());
            }
            copy(object.body(), response.getOutputStream());
        }
    }

    private static void requireOwner(ImageView image, @Nullable Jwt token) {
        if (token == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "the original is its owner's: send the owner's access token");
        }
        if (!Caller.of(token).mayManage(image.owner())) {
            throw new ImageNotFoundException(image.id());
        }
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return List.of(ifNoneMatch.split(",")).stream().map(String::strip)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag));
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    /** What part of an object to send: all of it, or one satisfiable range. */
    record ByteRange(long first, long last, long size) {

        /**
         * The range a {@code Range} header asks for. Several ranges, or a header that does not parse,
         * are ignored (the whole object, as RFC 9110 allows); a range entirely past the end is 416.
         */
        static ByteRange of(@Nullable String header, long size) {
            if (header == null || size == 0) {
                return new ByteRange(0, size - 1, size);
            }
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(header);
            } catch (IllegalArgumentException e) {
                return new ByteRange(0, size - 1, size);
            }
            if (ranges.size() != 1) {
                return new ByteRange(0, size - 1, size);
            }
            try {
                HttpRange range = ranges.getFirst();
                long first = range.getRangeStart(size);
                long last = range.getRangeEnd(size);
                if (first >= size || first > last) {
                    throw new RangeNotSatisfiableException(size);
                }
                return new ByteRange(first, last, size);
            } catch (IllegalArgumentException e) {
                throw new RangeNotSatisfiableException(size);
            }
        }

        boolean partial() {
            return first != 0 || last != size - 1;
        }

        long length() {
            return last - first + 1;
        }

        @Nullable String header() {
            return partial() ? "bytes=" + first + "-" + last : null;
        }

        String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** 416 with the size, as RFC 9110 asks. */
    static class RangeNotSatisfiableException extends ProblemException {
        RangeNotSatisfiableException(long size) {
            super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "the range lies outside the " + size + " bytes of the object");
            getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        }
    }
}
