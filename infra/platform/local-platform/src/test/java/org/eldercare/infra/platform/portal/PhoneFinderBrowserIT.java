package org.eldercare.infra.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.portal.PortalEvents.batch;
import static org.eldercare.infra.platform.portal.PortalEvents.bedsOccupied;
import static org.eldercare.infra.platform.portal.PortalEvents.registered;
import static org.eldercare.infra.platform.portal.PortalPage.field;
import static org.eldercare.infra.platform.portal.PortalPage.testId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eldercare.infra.platform.it.CareEvents;
import org.eldercare.infra.platform.it.PlatformClient;
import org.eldercare.infra.platform.it.SharedPlatform;
import org.eldercare.infra.platform.it.SharedPlatform.RunningPlatform;
import org.eldercare.infra.platform.portal.PortalEvents.Facility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * 一手机, the public finder of docs/CONTRACT.md §10.1, on the whole platform: over HTTP with no token, and on a phone
 * (headless Chromium emulating a 375 × 812 touch screen). Operators report through the API; what the public sees
 * follows from that alone. The {@link SharedPlatform}'s limit per address ({@link SharedPlatform#PUBLIC_FINDER_LIMIT})
 * is set so the page's own requests stay within it and the last test's burst crosses it. The facilities are in
 * 博兴街道 (Daxing), more than 3 km from any other class's, so the finder around its centre shows only these.
 * Screenshots go to {@code target/portal-screenshots/}.
 */
@Tag("browser") // the browser tier (README, "Tests")
@ExtendWith(HeadlessChromium.Installed.class)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneFinderBrowserIT {

    static final String DISTRICT = "110115";
    static final String STREET = "110115013"; // 博兴街道, centre 39.778, 116.532
    static final Duration CATCH_UP = Duration.ofSeconds(120);
    static final Facility STATION =
            new Facility("phone-station-0731", "博兴手机测试驿站", "CARE_STATION", STREET, 39.780, 116.530, 10);
    static final Facility TABLE =
            new Facility("phone-table-0732", "博兴手机测试餐桌", "MEAL_TABLE", STREET, 39.775, 116.536, 0);
    static final Facility SUSPENDED =
            new Facility("phone-suspended-0733", "博兴停业测试院", "INSTITUTION", STREET, 39.779, 116.531, 50);
    static final String NEARBY = "/api/v1/public/facilities/nearby?lat=39.778&lon=116.532&radiusKm=3";
    /** A run of 11 or more digits: a phone number or more of an ID number than its mask shows. */
    static final Pattern FULL_IDENTIFIER = Pattern.compile("\\d{11,}");

    static WebDriver driver;

    @RegisterExtension
    static final Screenshots screenshots = new Screenshots(() -> driver);

    static int port;

    PlatformClient api;
    PortalPage page;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void phone(RunningPlatform platform) {
        port = platform.port();
        driver = HeadlessChromium.startPhone();
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void connect() {
        api = new PlatformClient(port);
        page = new PortalPage(driver, port);
    }

    @Test
    @Order(1)
    void answersWithoutATokenWithPublicFieldsOnlyAndOperatingFacilitiesOnly() throws Exception {
        var reply = api.postBatch(
                "demo-operator-1",
                batch(List.of(
                        registered("op-1", STATION),
                        registered("op-1", TABLE),
                        suspended("op-1", SUSPENDED),
                        bedsOccupied("op-1", STATION, 4))));
        assertThat(reply.body().path("accepted").asInt())
                .as("intake %s", reply.body())
                .isEqualTo(4);
        api.awaitCaughtUp(CATCH_UP);

        JsonNode facilities = awaitPublic(NEARBY, 2);

        assertThat(facilities.findValuesAsText("name")).containsExactly(STATION.name(), TABLE.name());
        JsonNode station = facilities.get(0);
        assertThat(names(station))
                .containsExactlyInAnyOrder(
                        "name",
                        "kind",
                        "districtName",
                        "streetName",
                        "location",
                        "distanceKm",
                        "freeBeds",
                        "mealTableOpen",
                        "mealSeats",
                        "directionsUrl");
        assertThat(station.path("freeBeds").asInt()).isEqualTo(6);
        assertThat(station.path("streetName").asText()).isEqualTo("博兴街道");
        assertThat(station.path("directionsUrl").asText())
                .startsWith("https://uri.amap.com/navigation?to=116.530000,39.780000");
        assertThat(facilities.get(1).has("freeBeds"))
                .as("a meal table has no beds")
                .isFalse();
        assertThat(facilities.get(1).path("mealTableOpen").asBoolean()).isTrue();
        assertThat(facilities.toString())
                .as("no staff-only field or identifier")
                .doesNotContain(STATION.id(), TABLE.id(), "op-1", "occupiedBeds", "OPERATING", "SUSPENDED");
    }

    @Test
    @Order(2)
    void keepsItsLayoutOnA375PxTouchScreenWithTapTargetsOf44PxAndNoIdentifier() {
        driver.get("http://127.0.0.1:" + port + "/m/");
        page.await(
                Duration.ofSeconds(20),
                d -> !d.findElements(org.openqa.selenium.By.cssSelector(
                                "[data-testid=m-district] option[value='" + DISTRICT + "']"))
                        .isEmpty());
        new Select(driver.findElement(testId("m-district"))).selectByValue(DISTRICT);
        page.await(
                Duration.ofSeconds(20),
                d -> !d.findElements(org.openqa.selenium.By.cssSelector(
                                "[data-testid=m-street] option[value='" + STREET + "']"))
                        .isEmpty());
        new Select(driver.findElement(testId("m-street"))).selectByValue(STREET);
        page.click("m-submit");
        List<WebElement> results = page.await(Duration.ofSeconds(30), d -> {
            List<WebElement> found = d.findElements(testId("m-result"));
            return found.size() >= 2 ? found : null;
        });

        assertThat(results.getFirst().findElement(field("name")).getText()).isEqualTo(STATION.name());
        assertThat(results.getFirst().findElement(field("freeBeds")).getDomAttribute("data-value"))
                .isEqualTo("6");
        assertThat(results.getFirst().getText()).contains("导航", "Directions", "空床", "free beds");
        @SuppressWarnings("unchecked")
        Map<String, Object> screen = (Map<String, Object>) page.script("""
                const small = [...document.querySelectorAll('button, a[href], select, input:not([type=checkbox]), label.check')]
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
                  .map(([e, r]) => (e.dataset.testid || e.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                const wide = [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                  .map(e => e.tagName + '.' + e.className);
                return {
                  innerWidth: window.innerWidth,
                  scrollWidth: document.documentElement.scrollWidth,
                  touch: navigator.maxTouchPoints > 0 && 'ontouchstart' in window,
                  targets: document.querySelectorAll('button, a[href], select').length,
                  small: small,
                  wide: wide,
                  stored: localStorage.length + sessionStorage.length,
                  text: document.body.innerText
                };
                """);

        assertThat(((Number) screen.get("innerWidth")).intValue()).isEqualTo(HeadlessChromium.PHONE_WIDTH);
        assertThat(screen.get("touch")).as("touch emulated").isEqualTo(true);
        assertThat(((Number) screen.get("scrollWidth")).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(HeadlessChromium.PHONE_WIDTH);
        assertThat((List<?>) screen.get("wide"))
                .as("elements past the right edge")
                .isEmpty();
        assertThat(((Number) screen.get("targets")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat((List<?>) screen.get("small"))
                .as("tap targets under 44 x 44 px")
                .isEmpty();
        assertThat(((Number) screen.get("stored")).intValue())
                .as("nothing stored, no token")
                .isZero();
        assertThat(FULL_IDENTIFIER.matcher((String) screen.get("text")).find())
                .as("no full identifier on the screen")
                .isFalse();
        assertThat(page.source())
                .as("no facility id, operator or token in the page")
                .doesNotContain(STATION.id(), TABLE.id(), SUSPENDED.name(), "demo-", "Bearer");
        screenshots.save("phone-finder");
    }

    @Test
    @Order(3)
    void refusesAnAddressOverItsRateWithAProblemNamingTheLimit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        PlatformClient.TextReply refused = null;
        for (int i = 0; i < 80 && refused == null; i++) {
            PlatformClient.TextReply reply = api.getText(null, NEARBY);
            statuses.add(reply.status());
            if (reply.status() == 429) {
                refused = reply;
            }
        }

        assertThat(refused).as("statuses %s", statuses).isNotNull();
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("detail").asText())
                .isEqualTo("rate limit: at most 2 requests per second per client address (public)");
        assertThat(problem.path("limit").asText()).isEqualTo("public-finder.requests-per-second");
        assertThat(api.get("demo-planner", "/api/v1/facilities/nearby?lat=39.778&lon=116.532")
                        .status())
                .as("a staff token's finder is not touched by the public limit")
                .isEqualTo(200);
    }

    private JsonNode awaitPublic(String path, int atLeast) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            PlatformClient.TextReply reply = api.getText(null, path);
            assertThat(reply.status()).as("public finder %s", reply.body()).isEqualTo(200);
            JsonNode facilities = json.readTree(reply.body()).path("facilities");
            if (facilities.size() >= atLeast || System.nanoTime() > deadline) {
                return facilities;
            }
            Thread.sleep(1000);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Registered, but not operating: the public never sees it. */
    private static String suspended(String operator, Facility f) {
        return CareEvents.event(operator, CareEvents.id("evt"), "facility.registered", """
                {"facilityId":"%s","kind":"%s","name":"%s","districtCode":"%s","streetCode":"%s",
                 "location":{"lat":%s,"lon":%s},"beds":%d,"status":"SUSPENDED"}""".formatted(
                        f.id(),
                        f.kind(),
                        f.name(),
                        f.streetCode().substring(0, 6),
                        f.streetCode(),
                        f.lat(),
                        f.lon(),
                        f.beds()));
    }
}
