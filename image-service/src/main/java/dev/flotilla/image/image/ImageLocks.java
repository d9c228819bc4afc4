package dev.flotilla.image.image;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises, per image, the two things that write its manifest and record here: a worker finishing
 * its job and a deletion. Without it, a worker could write the manifest of an image deleted a moment
 * before and bring it back. An image in processing is known only to the instance whose queue holds
 * it, so a lock in this process is enough. Striped: a fixed number of locks, shared by hash.
 */
@org.springframework.stereotype.Component
public class ImageLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ImageLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String imageId, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(imageId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
