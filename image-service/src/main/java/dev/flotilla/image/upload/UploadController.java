package dev.flotilla.image.upload;

import java.io.IOException;
import java.net.URI;

import dev.flotilla.image.Caller;
import dev.flotilla.image.image.ImageView;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/images}: one image as the multipart part {@code file}; 202 and where to poll. */
@RestController
class UploadController {

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an image (JPEG, PNG, GIF or WebP, judged by its content); it is resized in the background")
    ResponseEntity<ImageView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal Jwt token) throws IOException {
        ImageView image = uploads.accept(Caller.of(token), file);
        return ResponseEntity.accepted().location(URI.create(image.statusUrl())).body(image);
    }
}
