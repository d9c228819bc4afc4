package dev.flotilla.image.processing;

/** An encoded rendition ready to upload. */
record Rendition(byte[] bytes, String contentType, int width, int height) {
}
