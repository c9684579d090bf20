package org.eldercare.infra.platform.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}). Both paths are given explicitly so that Selenium
 * Manager never tries to download a browser or driver; tests that need it are skipped when either
 * is missing.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("eldercare.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("eldercare.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {}

    /**
     * Skips a test class, before its application context starts, unless both the browser and its
     * driver are installed; the report says what is missing.
     */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            String reason = "browser tests need " + BROWSER + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does it)";
            // A skipped browser test hides a broken portal: say it where nobody can miss it.
            System.err.println(
                    "\n**********\n** SKIPPING " + context.getDisplayName() + ": " + reason + "\n**********\n");
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** A fresh browser with its own throw-away profile, sized like a planner's laptop screen. */
    static ChromeDriver start() {
        return start(options("--window-size=1366,900"));
    }

    /**
     * A fresh browser emulating a phone: a 375 × 812 CSS px viewport at device pixel ratio 3, touch events, and a
     * mobile user agent (Chromium's mobile emulation, as DevTools' device mode does it).
     */
    static ChromeDriver startPhone() {
        ChromeOptions options = options("--window-size=375,812");
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of(
                                "width",
                                PHONE_WIDTH,
                                "height",
                                PHONE_HEIGHT,
                                "pixelRatio",
                                3.0,
                                "touch",
                                true,
                                "mobile",
                                true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/120.0.0.0 Mobile Safari/537.36"));
        return start(options);
    }

    static final int PHONE_WIDTH = 375;
    static final int PHONE_HEIGHT = 812;

    private static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static ChromeOptions options(String windowSize) {
        // Selenium Manager reads this before resolving anything: never reach for the network.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
                "--user-data-dir=" + freshProfile(),
                windowSize);
        return options;
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("eldercare-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
