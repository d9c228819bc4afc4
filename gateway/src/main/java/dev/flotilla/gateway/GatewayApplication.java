package dev.flotilla.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's one entrance: Spring Cloud Gateway (server WebMVC) routing each path to the service
 * that owns it, with the route table in {@code application.yaml}. It checks no token: every service
 * does that itself.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
