package dev.flotilla.testing;

/** A started engine and what stops it. */
record Started<E>(E engine, Stopper stopper) {

    /** Stops an engine; may be called more than once. */
    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }
}
