package dev.flotilla.analytics.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The dashboard as a user and a screen reader see it: the login form, the figures in the DOM by their
 * {@code data-testid} (numbers read from {@code data-value}, the API's number with the currency's
 * decimals), the browser's console and the resources it loaded.
 */
final class DashboardPage {

    /** One table's rows, each "key orders units revenue", read in one go so that no re-render falls in between. */
    private static final String ROWS = """
            return Array.from(document.querySelectorAll('[data-testid="' + arguments[0] + '"]')).map(tr =>
                Array.from(tr.querySelectorAll('td')).filter(td => td.dataset.testid !== 'rank')
                    .map(td => td.dataset.value ?? td.textContent).join(' '));""";

    private final Browser browser;
    private final ChromeDriver driver;
    private final String base;

    DashboardPage(Browser browser, String base) {
        this.browser = browser;
        this.driver = browser.driver();
        this.base = base;
    }

    /** Loads the page afresh: the token lived in the old page's memory, so this is logged out. */
    DashboardPage open() {
        driver.get(base + "/");
        waiting("the login form").until(ExpectedConditions.visibilityOf(testId("login-form")));
        return this;
    }

    void logIn(String email, String password) {
        testId("login-email").clear();
        testId("login-email").sendKeys(email);
        testId("login-password").clear();
        testId("login-password").sendKeys(password);
        testId("login-submit").click();
    }

    /** Logs in and waits until the reports in euros and the live counters are shown. */
    DashboardPage logInAndWait(String email, String password) {
        logIn(email, password);
        waitForReports("EUR");
        waiting("the live counters").until(d -> testId("live-orders").getDomAttribute("data-value") != null);
        return this;
    }

    String loginError() {
        waiting("the login error").until(ExpectedConditions.visibilityOf(testId("login-error")));
        return testId("login-error").getText();
    }

    boolean shows(String testId) {
        return testId(testId).isDisplayed();
    }

    void selectCurrency(String code) {
        new Select(testId("currency")).selectByValue(code);
        waitForReports(code);
    }

    void waitForReports(String currency) {
        waiting("the reports in " + currency)
                .until(d -> currency.equals(testId("sales-total").getDomAttribute("data-currency")));
    }

    String rangeFrom() {
        return testId("range-from").getText();
    }

    String rangeTo() {
        return testId("range-to").getText();
    }

    List<String> salesRows() {
        return rows("sales-row");
    }

    List<String> topRows() {
        return rows("top-row");
    }

    int rowCount(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']")).size();
    }

    String value(String testId) {
        return testId(testId).getDomAttribute("data-value");
    }

    String text(String testId) {
        return testId(testId).getText();
    }

    /** Waits, without a click or a reload, until a figure shows this value. */
    void waitForValue(String testId, String value) {
        waiting(testId + " = " + value).until(d -> value.equals(value(testId)));
    }

    /** Waits until the live counters were fetched again, on their own. */
    void waitForLiveRefresh() {
        String before = testId("live-updated").getDomProperty("dateTime");
        waiting("another refresh of the live counters")
                .until(d -> !before.equals(testId("live-updated").getDomProperty("dateTime")));
    }

    /** The width and height of the chart's canvas, in CSS pixels. */
    List<Long> chartSize(String testId) {
        WebElement canvas = testId(testId).findElement(By.tagName("canvas"));
        return List.of((long) canvas.getSize().getWidth(), (long) canvas.getSize().getHeight());
    }

    @SuppressWarnings("unchecked")
    List<String> loadedResources() {
        return (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** What the console said since the last call, errors only (reading the log empties it). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wait whose failure says what was awaited and what the page showed instead. */
    private FluentWait<WebDriver> waiting(String what) {
        return browser.waiting().withMessage(() -> "the page to show " + what + "; it shows: "
                + driver.findElement(By.tagName("body")).getText());
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String testId) {
        return (List<String>) driver.executeScript(ROWS, testId);
    }

    private WebElement testId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }
}
