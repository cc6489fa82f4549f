package dev.ticketing.system.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test, one per person in the story (seller, buyer...), each with its own
 * cookies. Every page they visit is saved as
 * target/screenshots/&lt;Test.method&gt;/NN-who-page.png; after the test each browser's last page
 * is saved too, and the browsers are closed.
 */
final class Browsers implements BeforeEachCallback, AfterEachCallback {
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 1000;

    private final List<Shopper> open = new ArrayList<>();
    private final AtomicInteger shots = new AtomicInteger();
    private Path directory;

    @Override
    public void beforeEach(ExtensionContext context) {
        String test =
                context.getRequiredTestClass().getSimpleName()
                        + "."
                        + context.getRequiredTestMethod().getName();
        directory = Path.of("target", "screenshots", test);
        try {
            if (Files.isDirectory(directory)) {
                try (var old = Files.list(directory)) {
                    old.forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new person in the story, in a browser of their own. */
    Shopper open(String who) {
        Shopper shopper = new Shopper(who, Chromium.start(DESKTOP_WIDTH, DESKTOP_HEIGHT), this);
        open.add(shopper);
        return shopper;
    }

    Path nextScreenshot(String who, String page) {
        return directory.resolve(
                String.format("%02d-%s-%s.png", shots.incrementAndGet(), who, page));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Shopper shopper : open) {
            try {
                shopper.screenshot("last-page");
            } catch (RuntimeException e) {
                System.err.println("could not save " + shopper.who() + "'s last page: " + e);
            } finally {
                shopper.close();
            }
        }
        open.clear();
    }
}
