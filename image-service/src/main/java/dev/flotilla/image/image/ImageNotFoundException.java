package dev.flotilla.image.image;

import java.util.UUID;

import dev.flotilla.web.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No image with this id, or not one the caller may see (the two look the same). */
public class ImageNotFoundException extends ProblemException {

    public ImageNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no image " + id);
    }
}
