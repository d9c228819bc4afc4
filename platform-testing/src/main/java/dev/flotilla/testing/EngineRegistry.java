package dev.flotilla.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each engine at most once, on first request, and stops them all in reverse order at JVM exit,
 * then deletes the engine directory. A start that failed is not retried: the same error is reported
 * to every test that asks, instead of a slow retry per test class.
 */
final class EngineRegistry {

    private static final Logger log = LoggerFactory.getLogger(EngineRegistry.class);

    private final Infrastructure infrastructure;
    private final Deque<Started.Stopper> stoppers = new ArrayDeque<>();
    private final Slot<PostgresEngine> postgres = new Slot<>("PostgreSQL", EngineStarter::postgres);
    private final Slot<RedisEngine> redis = new Slot<>("Redis", EngineStarter::redis);
    private final Slot<MongoEngine> mongo = new Slot<>("MongoDB", EngineStarter::mongo);
    private final Slot<S3Engine> s3 = new Slot<>("S3", EngineStarter::s3);
    private @Nullable Path directory;
    private @Nullable EngineStarter starter;
    private @Nullable RuntimeException starterFailure;

    private final Supplier<ContainerEngines> containers;

    private EngineRegistry(Infrastructure infrastructure, Supplier<ContainerEngines> containers) {
        this.infrastructure = infrastructure;
        this.containers = containers;
    }

    static EngineRegistry startingOnDemand(Infrastructure infrastructure) {
        return startingOnDemand(infrastructure, ContainerEngines::new);
    }

    static EngineRegistry startingOnDemand(Infrastructure infrastructure, Supplier<ContainerEngines> containers) {
        EngineRegistry registry = new EngineRegistry(infrastructure, containers);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::stopAll, "flotilla-engines-stop"));
        return registry;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    /** This JVM's engine directory; empty until an embedded engine has started. */
    synchronized Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    synchronized PostgresEngine postgres() {
        return postgres.get();
    }

    synchronized RedisEngine redis() {
        return redis.get();
    }

    synchronized MongoEngine mongo() {
        return mongo.get();
    }

    synchronized S3Engine s3() {
        return s3.get();
    }

    /** Stops every started engine, newest first, and deletes the engine directory. */
    synchronized void stopAll() {
        while (!stoppers.isEmpty()) {
            try {
                stoppers.pop().stop();
            } catch (Exception e) {
                log.warn("An engine did not stop cleanly: {}", e.getMessage());
            }
        }
        if (directory != null) {
            try {
                EngineDirectory.delete(directory);
            } catch (RuntimeException e) {
                log.warn("The engine directory {} was not deleted: {}; the next test JVM sweeps it", directory, e.getMessage());
            }
        }
    }

    /** The starter of this infrastructure; a failure to create it (no Docker) is kept and repeated. */
    private EngineStarter starter() {
        if (starterFailure != null) {
            throw starterFailure;
        }
        if (starter == null) {
            try {
                starter = switch (infrastructure) {
                    case EMBEDDED -> {
                        directory = EngineDirectory.create();
                        yield new EmbeddedEngines(directory);
                    }
                    case CONTAINERS -> containers.get();
                };
            } catch (RuntimeException e) {
                starterFailure = e;
                throw e;
            }
        }
        return starter;
    }

    /** One engine: not started yet, started, or failed to start. */
    private final class Slot<E> {

        private final String name;
        private final Start<E> start;
        private @Nullable E engine;
        private @Nullable RuntimeException failure;

        Slot(String name, Start<E> start) {
            this.name = name;
            this.start = start;
        }

        E get() {
            if (engine != null) {
                return engine;
            }
            if (failure != null) {
                throw failure;
            }
            long begin = System.nanoTime();
            try {
                Started<E> started = start.apply(starter());
                stoppers.push(started.stopper());
                engine = started.engine();
                log.info("{} started ({}) in {} ms", name, infrastructure.name().toLowerCase(Locale.ROOT),
                        (System.nanoTime() - begin) / 1_000_000);
                return engine;
            } catch (RuntimeException e) {
                failure = e;
            } catch (Exception e) {
                failure = new IllegalStateException(name + " did not start for tests: " + e.getMessage(), e);
            }
            throw failure;
        }
    }

    @FunctionalInterface
    private interface Start<E> {
        Started<E> apply(EngineStarter starter) throws Exception;
    }
}
