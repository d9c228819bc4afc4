package dev.flotilla.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images Jib builds, as the root pom configures them: {@code <image.repository>/<service>},
 * tagged with the project version and {@code latest}.
 */
record JibImages(String repository, String version) {

    private static final Pattern REPOSITORY = Pattern.compile("<image\\.repository>([^<]+)</image\\.repository>");
    private static final Pattern VERSION = Pattern.compile("<artifactId>flotilla</artifactId>\\s*<version>([^<]+)</version>");

    static JibImages of(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        return new JibImages(group(REPOSITORY, pom), group(VERSION, pom));
    }

    /** The image's name without tag or registry. */
    String name(String service) {
        return repository + "/" + service;
    }

    /** Whether an image name (with or without a registry in front) is the service's. */
    boolean isImageOf(String image, String service) {
        return image.equals(name(service)) || image.endsWith("/" + name(service));
    }

    Set<String> tags() {
        return Set.of("latest", version);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the root pom has no " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
