package dev.flotilla.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** image-service: uploads, a pod-local SQLite job queue, resized variants in S3-compatible storage. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ImageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImageServiceApplication.class, args);
    }
}
