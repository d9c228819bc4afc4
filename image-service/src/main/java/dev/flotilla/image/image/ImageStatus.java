package dev.flotilla.image.image;

/** Where an image is in its life: accepted and waiting, being resized, done, or given up on. */
public enum ImageStatus {
    QUEUED, PROCESSING, READY, FAILED
}
