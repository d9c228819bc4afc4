package dev.flotilla.image.storage;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * An object's bytes as a stream the caller must close, with what S3 said about them.
 *
 * @param contentRange the {@code Content-Range} of a ranged read, or null for the whole object
 */
public record StoredObject(InputStream body, long length, String contentType, String etag,
        @Nullable String contentRange) implements AutoCloseable {

    @Override
    public void close() throws java.io.IOException {
        body.close();
    }
}
