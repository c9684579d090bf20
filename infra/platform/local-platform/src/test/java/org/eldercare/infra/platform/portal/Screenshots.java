package org.eldercare.infra.platform.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * PNG screenshots of the portal, kept as test artifacts under {@code target/portal-screenshots/}:
 * one per view when a test asks, and one named after any test that fails, showing what the browser
 * showed at that moment.
 */
final class Screenshots implements TestWatcher {

    static final Path DIRECTORY = Path.of("target", "portal-screenshots");

    private final Supplier<WebDriver> driver;

    Screenshots(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    /** Saves what the browser shows now as {@code <name>.png} and returns the file. */
    Path save(String name) {
        try {
            Files.createDirectories(DIRECTORY);
            byte[] png = ((TakesScreenshot) driver.get()).getScreenshotAs(OutputType.BYTES);
            return Files.write(DIRECTORY.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver.get() == null) {
            return;
        }
        try {
            save("failed-" + context.getRequiredTestMethod().getName());
        } catch (RuntimeException ignored) {
            // The browser itself may be what failed; the test's own error says more.
        }
    }
}
