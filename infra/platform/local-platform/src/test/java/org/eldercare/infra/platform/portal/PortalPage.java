package org.eldercare.infra.platform.portal;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal as a user sees it, addressed through its {@code data-testid} and {@code data-field}
 * hooks. Waits re-find elements on every poll, since views rebuild their rows as data arrives.
 */
final class PortalPage {

    private final WebDriver driver;
    private final String base;

    PortalPage(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    static By field(String name) {
        return By.cssSelector("[data-field='" + name + "']");
    }

    void open() {
        driver.get(base + "/");
    }

    /** Types a token into the token box and applies it, as a user pasting their own would. */
    void typeToken(String token) {
        WebElement input = driver.findElement(testId("token-input"));
        input.clear();
        input.sendKeys(token, Keys.ENTER);
    }

    /** Picks one of the demo tokens from the list; picking applies it. */
    void pickToken(String token) {
        new Select(driver.findElement(testId("token-select"))).selectByValue(token);
    }

    void showTab(String view) {
        driver.findElement(testId("tab-" + view)).click();
        await(Duration.ofSeconds(10), d -> d.findElement(testId("view-" + view)).isDisplayed());
    }

    /** The raw value ({@code data-value}) of one indicator cell, or null while the cell shows none. */
    String indicator(String areaCode, String fieldName) {
        return driver.findElement(testId("indicator-row-" + areaCode))
                .findElement(field(fieldName))
                .getDomAttribute("data-value");
    }

    void type(String testId, String text) {
        WebElement input = driver.findElement(testId(testId));
        input.clear();
        input.sendKeys(text);
    }

    void click(String testId) {
        driver.findElement(testId(testId)).click();
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    /** Runs script in the page as an async function body; its return value is the script's result. */
    Object asyncScript(String body) {
        return ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];" + "(async () => {" + body
                        + "})().then(done, e => done('script failed: ' + e));");
    }

    /** Runs script in the page, e.g. to leave a marker that a reload would wipe. */
    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    String source() {
        return driver.getPageSource();
    }

    /** Polls until {@code condition} yields a non-null, non-false value, which it returns. */
    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return await(timeout, Duration.ofMillis(250), condition);
    }

    /** As {@link #await(Duration, Function)}, for conditions that ask the server again on each poll. */
    <T> T await(Duration timeout, Duration poll, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .pollingEvery(poll)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
