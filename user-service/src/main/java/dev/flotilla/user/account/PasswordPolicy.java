package dev.flotilla.user.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: 12 to 64 characters and at most 72 bytes in UTF-8 (BCrypt reads
 * no further), not the email or its local part, not a common password (about 49,000, from
 * {@code common-passwords.txt}) alone or followed only by digits and symbols, and more than four
 * distinct characters.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final int MIN_COMMON_STEM = 6;

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = load("/common-passwords.txt");
    }

    /** The reason the password is not acceptable, or empty if it is. */
    public Optional<String> problem(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String normalisedEmail = EmailAddresses.normalise(email);
        if (lower.equals(normalisedEmail) || lower.equals(normalisedEmail.substring(0, Math.max(0, normalisedEmail.indexOf('@'))))) {
            return Optional.of("must not be the email address");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("must use more than " + (MIN_DISTINCT_CHARACTERS - 1) + " different characters");
        }
        if (isCommon(lower)) {
            return Optional.of("is too common; choose one that is not in lists of leaked passwords");
        }
        return Optional.empty();
    }

    /**
     * Whether BCrypt reads the whole password: it ignores everything after {@value #MAX_BYTES} bytes, so
     * a longer password is refused rather than silently cut (pre-hashing would lift the limit but make
     * every stored hash a different scheme; 64 characters are enough for a passphrase).
     */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private boolean isCommon(String lower) {
        if (commonPasswords.contains(lower)) {
            return true;
        }
        String stem = lower.replaceFirst("[\\p{Digit}\\p{Punct}\\s]+$", "");
        return stem.length() >= MIN_COMMON_STEM && commonPasswords.contains(stem);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Set<String> passwords = new HashSet<>(64_000);
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> passwords.add(line.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
