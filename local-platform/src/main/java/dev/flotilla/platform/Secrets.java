package dev.flotilla.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local platform's lasting credentials, generated on the first start and kept in the data
 * directory (readable by its owner only) so that they stay valid as long as the data does: the
 * administrator's and the demo customer's passwords and the S3 store's keys. Database passwords and
 * order-service's client secret are made anew at every start instead ({@link #random(String)}).
 */
record Secrets(String adminPassword, String customerPassword, String s3AccessKey, String s3SecretKey) {

    static final String FILE = "credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads them from {@code data}, or makes and saves them there if this is the first start. */
    static Secrets load(Path data) throws IOException {
        Path file = data.resolve(FILE);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            return new Secrets(required(properties, "admin.password", file), required(properties, "customer.password", file),
                    required(properties, "s3.access-key", file), required(properties, "s3.secret-key", file));
        }
        Secrets secrets = new Secrets(random("Local-"), random("Demo-"), "local-" + random("").substring(0, 12).toLowerCase(),
                random(""));
        Properties properties = new Properties();
        properties.setProperty("admin.password", secrets.adminPassword());
        properties.setProperty("customer.password", secrets.customerPassword());
        properties.setProperty("s3.access-key", secrets.s3AccessKey());
        properties.setProperty("s3.secret-key", secrets.s3SecretKey());
        Files.createDirectories(data);
        Files.deleteIfExists(file.resolveSibling(FILE + ".new"));
        Path written = Files.createFile(file.resolveSibling(FILE + ".new"));
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the permissions of the user's profile directory.
        }
        try (Writer writer = Files.newBufferedWriter(written)) {
            properties.store(writer, "Credentials of the Flotilla local platform; deleted with ./run --fresh");
        }
        Files.move(written, file);
        return secrets;
    }

    /** 24 random bytes, URL-safe base64 (only [A-Za-z0-9_-]), after {@code prefix}. */
    static String random(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " lacks " + key + ": start from scratch with ./run --fresh");
        }
        return value;
    }
}
