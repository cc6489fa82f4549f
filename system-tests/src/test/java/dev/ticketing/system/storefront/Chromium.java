package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver: installed with apt-get when missing and this user may (root
 * on Debian, as in CI), otherwise the tests fail saying what to install. Selenium Manager is never
 * asked for anything (it would try to download a browser).
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL_HINT =
            "The storefront's browser tests drive Debian's chromium through "
                    + "chromedriver, expected at "
                    + BROWSER
                    + " and "
                    + DRIVER
                    + ". Install them with: "
                    + "sudo apt-get install chromium chromium-driver";
    private static boolean checked;

    private Chromium() {}

    /** A fresh headless browser with its own profile directory (deleted by {@link #quit}). */
    static Session start(int width, int height) {
        ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("storefront-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--lang=en-US");
            ChromeDriverService service =
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(DRIVER.toFile())
                            .usingAnyFreePort()
                            .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Session(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("could not create a browser profile directory", e);
        }
    }

    /** A running browser and the profile directory it owns. */
    record Session(ChromeDriver driver, Path profile) {
        void quit() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    static synchronized void ensureInstalled() {
        if (checked) {
            return;
        }
        if (!installed() && mayInstall()) {
            System.out.println(
                    "Storefront tests: installing Debian's chromium and chromium-driver with apt-get");
            run(List.of("apt-get", "update", "-qq"));
            run(List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"));
        }
        if (!installed()) {
            fail(INSTALL_HINT);
        }
        checked = true;
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static boolean mayInstall() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/apt-get"));
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                fail(String.join(" ", command) + " failed. " + INSTALL_HINT);
            }
        } catch (IOException e) {
            fail(
                    String.join(" ", command)
                            + " could not run ("
                            + e.getMessage()
                            + "). "
                            + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while installing chromium");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
