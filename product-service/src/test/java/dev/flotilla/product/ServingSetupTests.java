package dev.flotilla.product;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the service serves reads under load, as the read benchmark chose it (see application.yaml for
 * the figures): the benchmark is not part of the build, so these choices are checked here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealEngines({Engine.MONGODB, Engine.REDIS})
@TestJwks
class ServingSetupTests {

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    LettuceConnectionFactory redis;

    @Test
    void servesRequestsFromAPoolOfPlatformThreads() {
        WebServer server = context.getWebServer();
        assertThat(server).isInstanceOf(TomcatWebServer.class);
        Object executor = ((TomcatWebServer) server).getTomcat().getConnector().getProtocolHandler().getExecutor();
        assertThat(executor).isInstanceOf(ThreadPoolExecutor.class);
    }

    @Test
    void sendsRedisCommandsOverOneSharedConnectionAsThePackagedServiceDoes() {
        assertThat(redis.getClientConfiguration()).isNotInstanceOf(LettucePoolingClientConfiguration.class);
        assertThat(redis.getShareNativeConnection()).isTrue();
    }
}
