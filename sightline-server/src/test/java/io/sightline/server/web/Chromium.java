package io.sightline.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright. Playwright never downloads a browser here: the tests
 * use the distribution's package ({@code apt-get install chromium}) and skip when it is absent.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // lets the test start playback with play() instead of a real click on the native controls
            "--autoplay-policy=no-user-gesture-required");
    /** Where screenshots for the docs go: set -Dsightline.screenshots=DIR to make them. */
    private static final String SCREENSHOTS_PROPERTY = "sightline.screenshots";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    /** Starts the browser, or skips the calling tests when Chromium is not installed. */
    static Chromium launch() {
        assumeTrue(Files.isExecutable(EXECUTABLE),
                "browser tests skipped: no Chromium at " + EXECUTABLE + " (install it with: apt-get install chromium)");
        return new Chromium();
    }

    Browser browser() {
        return browser;
    }

    /** Saves a screenshot of the viewport for the docs when screenshots were asked for; else does nothing. */
    static void screenshot(Page page, String name) {
        String dir = System.getProperty(SCREENSHOTS_PROPERTY);
        if (dir == null || dir.isBlank()) return;
        try {
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean screenshotsWanted() {
        String dir = System.getProperty(SCREENSHOTS_PROPERTY);
        return dir != null && !dir.isBlank();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
