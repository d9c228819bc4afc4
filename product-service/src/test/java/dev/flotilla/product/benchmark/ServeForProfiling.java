package dev.flotilla.product.benchmark;

import dev.flotilla.testing.SharedEngines;
import dev.flotilla.testing.TestJwtIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;

public final class ServeForProfiling {
    public static void main(String[] args) throws Exception {
        var mongo = SharedEngines.mongo();
        var redis = SharedEngines.redis();
        new SpringApplicationBuilder(dev.flotilla.product.ProductServiceApplication.class).run("--server.port=18082",
                "--spring.mongodb.uri=" + mongo.uri("prof"), "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestJwtIssuer.shared().jwkSetUri(),
                "--logging.level.root=WARN", System.getProperty("extra1", "--a=b"), System.getProperty("extra2", "--c=d"));
        System.out.println("ADMIN=" + dev.flotilla.product.ProductApi.ADMIN);
        Thread.currentThread().join();
    }
}
