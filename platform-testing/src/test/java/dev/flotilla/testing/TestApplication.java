package dev.flotilla.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Boot application: auto-configured JDBC, Redis and MongoDB clients. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}
