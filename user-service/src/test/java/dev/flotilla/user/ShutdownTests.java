package dev.flotilla.user;

import java.time.Duration;

import dev.flotilla.testing.PostgresEngine;
import dev.flotilla.testing.RedisEngine;
import dev.flotilla.testing.SharedEngines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The service started as in production, on the real engines, and closed at once. */
class ShutdownTests {

    @Test
    void stopsWithinItsGracefulShutdownTimeoutWhenClosedRightAfterStarting() {
        PostgresEngine postgres = SharedEngines.postgres();
        String database = postgres.createDatabase("shutdown_" + System.nanoTime());
        RedisEngine redis = SharedEngines.redis();
        int redisDatabase = redis.allocateDatabase();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(UserServiceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.data.redis.url=" + redis.url(redisDatabase),
                        "--spring.data.redis.host=" + redis.host(),
                        "--spring.data.redis.port=" + redis.port(),
                        "--spring.data.redis.database=" + redisDatabase);
        Duration timeout = context.getEnvironment().getRequiredProperty("spring.lifecycle.timeout-per-shutdown-phase",
                Duration.class);

        long start = System.nanoTime();
        context.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(context.isActive()).isFalse();
        assertThat(closing).isLessThan(timeout).isLessThan(Duration.ofSeconds(5));
    }
}
