package dev.flotilla.analytics.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven by its own chromedriver: nothing is downloaded (Selenium Manager
 * is never asked), and each browser gets a fresh profile that {@link #close()} deletes. Where either
 * binary is missing, a test class extended with {@link Installed} is skipped, saying what to install, or
 * fails when {@value #SWITCH} is {@code required} (as on CI, which installs them).
 */
final class Browser implements AutoCloseable {

    static final String SWITCH = "FLOTILLA_BROWSER_TESTS";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long to wait for the page: generous, as these waits are no timing assertions. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new headless browser; fails, saying what to install, where chromium or chromedriver is missing. */
    static Browser start() {
        missing().ifPresent(reason -> Assertions.fail(reason + " (" + SWITCH + "=required)"));
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,1800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Why the browser cannot start here, if it cannot: a binary is missing. */
    private static Optional<String> missing() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(binary -> !Files.isExecutable(binary)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("The dashboard's browser tests need Debian's chromium and "
                + "chromedriver (missing: " + missing + "); install them with: apt-get install chromium chromium-driver");
    }

    private static boolean required() {
        return "required".equals(System.getenv(SWITCH));
    }

    /**
     * Skips a test class that needs the browser where it is missing, before its Spring context starts;
     * when the browser tests are required, the class runs and {@link #start()} fails with the reason.
     */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return missing().filter(reason -> !required())
                    .map(reason -> ConditionEvaluationResult.disabled(reason + " (set " + SWITCH + "=required to fail instead)"))
                    .orElseGet(() -> ConditionEvaluationResult.enabled("chromium and chromedriver are installed, or required"));
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("flotilla-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile folder", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary folder is harmless.
        }
    }
}
