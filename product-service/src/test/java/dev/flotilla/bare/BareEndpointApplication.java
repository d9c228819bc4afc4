package dev.flotilla.bare;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick of the read benchmark: a bare Spring Boot endpoint (Tomcat, Spring MVC, Jackson; no
 * security, no metrics, no store) that answers a small JSON document. It lives outside the product
 * package so that product-service never scans it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
@RestController
public class BareEndpointApplication {

    /**
     * Started by the read benchmark in a JVM of its own, with the same flags as the service. It runs on
     * product-service's classpath: the service's {@code application.yaml} (virtual threads and all) must
     * not configure the yardstick, so it reads a configuration file name that does not exist.
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareEndpointApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "bare-endpoint"));
        application.run(args);
    }

    /** A document of about the size of a product. */
    record Thing(String id, String name, String description, long stock) {
    }

    @GetMapping("/api/products/{id}")
    Thing get(@PathVariable String id) {
        return new Thing(id, "A bare thing", "Answered by nothing but Tomcat, Spring MVC and Jackson", 42);
    }
}
