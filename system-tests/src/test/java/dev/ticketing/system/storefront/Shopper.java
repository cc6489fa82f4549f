package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.ServiceUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person using the storefront in their own browser, doing what a person does: open pages, fill
 * in forms with the keyboard, press buttons. Each page reached is saved as a screenshot.
 */
final class Shopper {
    static final String PASSWORD = "correct-horse";

    /** Long enough for a page on a busy 2-core machine, short enough to fail a stuck test. */
    static final Duration PAGE = Duration.ofSeconds(30);

    private static final Pattern ID = Pattern.compile("[?&]id=([^&#]+)");

    private final String who;
    private final Chromium.Session browser;
    private final WebDriver driver;
    private final Browsers browsers;

    Shopper(String who, Chromium.Session browser, Browsers browsers) {
        this.who = who;
        this.browser = browser;
        this.driver = browser.driver();
        this.browsers = browsers;
    }

    String who() {
        return who;
    }

    WebDriver driver() {
        return driver;
    }

    /** An email no other test run uses. */
    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    // --- pages -------------------------------------------------------------------------------

    Shopper open(String path, String page) {
        driver.get(url(path));
        screenshot(page);
        return this;
    }

    Shopper home() {
        return open("/", "home");
    }

    Shopper signUp(String email) {
        open("/signup", "sign-up");
        fillAccountForm("signup", email, PASSWORD);
        return this;
    }

    Shopper signIn(String email, String password) {
        open("/signin", "sign-in");
        fillAccountForm("signin", email, password);
        return this;
    }

    private void fillAccountForm(String form, String email, String password) {
        type(By.id(form + ":email"), email);
        type(By.id(form + ":password"), password);
        submit(By.id(form + ":submit"), form + "-submitted");
    }

    /** Signed in: the header offers selling, orders and signing out. */
    void assertSignedIn() {
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("signout:submit")));
        assertTrue(
                driver.findElements(By.id("nav-signin")).isEmpty(),
                "the header still offers to sign in");
    }

    void signOut() {
        submit(By.id("signout:submit"), "signed-out");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("nav-signin")));
    }

    /**
     * Sells a ticket through "Sell a ticket" in the header; returns its id (from the ticket page).
     */
    String sell(String title, String price) {
        driver.findElement(By.id("nav-sell")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:title")));
        screenshot("sell");
        fillTicketForm(title, price);
        submit(By.id("ticket:submit"), "sold");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-title")));
        return idInUrl();
    }

    void fillTicketForm(String title, String price) {
        type(By.id("ticket:title"), title);
        type(By.id("ticket:price"), price);
    }

    Shopper ticket(String ticketId) {
        return open("/ticket?id=" + ticketId, "ticket");
    }

    /** Presses Purchase on the ticket page; returns the order's id once its page shows. */
    String purchase() {
        submit(By.id("purchase:submit"), "purchased");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("order-title")));
        return idInUrl();
    }

    Shopper order(String orderId) {
        return open("/order?id=" + orderId, "order");
    }

    /** Chooses a test card on the order page ("card-pays" or "card-declined") and pays. */
    void payWith(String card) {
        WebElement choice = driver.findElement(By.id(card));
        if (!choice.isSelected()) {
            choice.click();
        }
        submit(By.id("pay:submit"), "paid-with-" + card);
    }

    // --- reading the page --------------------------------------------------------------------

    String text(By by) {
        return driver.findElement(by).getText();
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** The message next to a field (its h:message), or "" when the field has none. */
    String fieldMessage(String errorId) {
        List<WebElement> message = driver.findElements(By.id(errorId));
        return message.isEmpty() ? "" : message.get(0).getText();
    }

    String alerts() {
        return text(By.id("messages"));
    }

    String idInUrl() {
        Matcher m = ID.matcher(driver.getCurrentUrl());
        assertTrue(m.find(), "no id in " + driver.getCurrentUrl());
        return m.group(1);
    }

    // --- doing -------------------------------------------------------------------------------

    void type(By field, String text) {
        WebElement input = waitFor(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Presses a button and waits for the page it leads to, which is then saved. */
    void submit(By button, String page) {
        WebElement pressed = waitFor(ExpectedConditions.elementToBeClickable(button));
        scrollIntoView(pressed);
        pressed.click();
        waitFor(d -> gone(pressed));
        waitFor(
                d ->
                        "complete"
                                .equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript("return document.readyState")));
        screenshot(page);
    }

    /**
     * Scrolls the element to the middle of the window at once. Bootstrap makes scrolling smooth,
     * and chromedriver's own scroll-then-click misses a target below the fold that is still moving.
     */
    void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        element);
    }

    /**
     * Clicks a link below the fold: scrolled into view, checked to be what a finger would touch
     * there (nothing covers it), then activated.
     */
    void clickBelowTheFold(WebElement link) {
        scrollIntoView(link);
        Object onTop =
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "var r = arguments[0].getBoundingClientRect();"
                                        + " return document.elementFromPoint(r.x + r.width / 2,"
                                        + " r.y + r.height / 2) === arguments[0];",
                                link);
        assertEquals(Boolean.TRUE, onTop, "nothing covers " + link.getText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", link);
    }

    /**
     * True once the element's page has been replaced. Selenium's stalenessOf knows only "stale
     * element reference"; chromedriver answers "Node with given id does not belong to the document"
     * instead when it is asked while the next page is being committed, which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(condition, PAGE);
    }

    <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    }

    /**
     * Reloads {@code path} until the condition holds (what other services do reaches the page
     * through events, a moment later), saving the page once it does.
     */
    void reloadUntil(
            String path, Function<WebDriver, Boolean> condition, Duration timeout, String page) {
        String target = url(path);
        new WebDriverWait(driver, timeout, Duration.ofMillis(500))
                .until(
                        d -> {
                            d.get(target);
                            return condition.apply(d);
                        });
        screenshot(page);
    }

    /** Saves the page as a phone shows it (390 px wide), then goes back to the desktop size. */
    void screenshotAsPhone(String page) {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            screenshot(page + "-phone");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    void screenshot(String page) {
        Path target = browsers.nextScreenshot(who, page);
        Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(String path) {
        URI uri = ServiceUnderTest.url(path);
        return uri.toString();
    }

    void close() {
        browser.quit();
    }
}
