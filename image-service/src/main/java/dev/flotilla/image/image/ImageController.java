package dev.flotilla.image.image;

import java.util.UUID;

import dev.flotilla.image.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An image's record and its deletion: the owner's, or any to an admin. */
@RestController
@RequestMapping("/api/images/{id}")
class ImageController {

    private final ImageRecords records;
    private final ImageDeletion deletion;

    ImageController(ImageRecords records, ImageDeletion deletion) {
        this.records = records;
        this.deletion = deletion;
    }

    @GetMapping
    @Operation(summary = "An image: its owner, status (QUEUED, PROCESSING, READY, FAILED) and, once READY, its variants")
    ImageView image(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        return visible(id, Caller.of(token));
    }

    @DeleteMapping
    @Operation(summary = "Delete an image: every stored object and the record")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        visible(id, Caller.of(token));
        deletion.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ImageView visible(UUID id, Caller caller) {
        return records.find(id).filter(image -> caller.mayManage(image.owner()))
                .orElseThrow(() -> new ImageNotFoundException(id));
    }
}
