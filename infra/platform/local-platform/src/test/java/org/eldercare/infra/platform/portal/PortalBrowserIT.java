package org.eldercare.infra.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.portal.PortalEvents.assessmentRecorded;
import static org.eldercare.infra.platform.portal.PortalEvents.batch;
import static org.eldercare.infra.platform.portal.PortalEvents.bedsOccupied;
import static org.eldercare.infra.platform.portal.PortalEvents.personRegistered;
import static org.eldercare.infra.platform.portal.PortalEvents.registered;
import static org.eldercare.infra.platform.portal.PortalEvents.serviceAt;
import static org.eldercare.infra.platform.portal.PortalEvents.serviceDelivered;
import static org.eldercare.infra.platform.portal.PortalPage.field;
import static org.eldercare.infra.platform.portal.PortalPage.testId;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eldercare.infra.platform.it.PlatformClient;
import org.eldercare.infra.platform.it.SharedPlatform;
import org.eldercare.infra.platform.it.SharedPlatform.RunningPlatform;
import org.eldercare.infra.platform.portal.PortalEvents.Facility;
import org.eldercare.infra.platform.portal.PortalEvents.Recipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.tools.simulator.GbIdNumber;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal in headless Chromium against the whole platform on the embedded stack: what a planner,
 * a family and a hotline operator see after operators report through the API. The simulator is off
 * and no other class on the {@link SharedPlatform} uses 东辛房街道, so everything the page shows of
 * that street follows from the events sent here; the district's beds are counted on top of what it
 * held before. Screenshots of each view are left in {@code target/portal-screenshots/}.
 */
@Tag("browser") // the browser tier (README, "Tests")
@ExtendWith(HeadlessChromium.Installed.class)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(PortalBrowserIT.class);

    static final String DISTRICT = "110109";
    static final String STREET = PortalEvents.PORTAL_STREET; // 东辛房街道, centre 39.930, 116.075
    static final Duration CATCH_UP = Duration.ofSeconds(120);
    static final Facility STATION =
            new Facility("portal-station", "浏览器测试驿站", "CARE_STATION", STREET, 39.93, 116.075, 10);
    static final Recipient CALLER = new Recipient(
            "王秀英",
            GbIdNumber.of(DISTRICT, LocalDate.of(1942, 3, 15), 124, false),
            "13987654321",
            "F",
            LocalDate.of(1942, 3, 15));

    /** Registered by the street office, living alone and severely disabled, never served. */
    static final Recipient ALONE = new Recipient(
            "李桂兰",
            GbIdNumber.of(DISTRICT, LocalDate.of(1938, 7, 9), 211, false),
            "13611112222",
            "F",
            LocalDate.of(1938, 7, 9));

    static WebDriver driver;

    @RegisterExtension
    static final Screenshots screenshots = new Screenshots(() -> driver);

    static int port;
    /** The district's occupied beds before test 1 sent any: the other classes' streets are in it too. */
    static long districtOccupiedBefore;

    PlatformClient api;
    PortalPage page;

    @BeforeAll
    static void browser(RunningPlatform platform) {
        port = platform.port();
        driver = HeadlessChromium.start();
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
    void showsAStreetsBedsChangeLiveAsItsOperatorReportsThem() {
        page.open();
        page.typeToken("demo-planner");
        page.await(Duration.ofSeconds(30), d -> d.findElement(testId("indicator-row-" + STREET)));
        page.await(
                Duration.ofSeconds(30),
                d -> "open".equals(d.findElement(testId("live-state")).getDomAttribute("data-state")));
        page.script("window.portalTestMarker = 'no reload'");
        api.awaitCaughtUp(CATCH_UP);
        var district = api.get("demo-planner", "/api/v1/indicators/districts/" + DISTRICT);
        districtOccupiedBefore =
                district.status() == 200 ? district.body().path("occupiedBeds").asLong() : 0;

        send(List.of(registered("op-1", STATION), bedsOccupied("op-1", STATION, 3)));
        awaitIndicator(STREET, "occupiedBeds", "3");
        assertThat(page.indicator(STREET, "beds")).isEqualTo("10");
        assertThat(page.indicator(STREET, "careStations")).isEqualTo("1");

        send(List.of(bedsOccupied("op-1", STATION, 2)));
        awaitIndicator(STREET, "occupiedBeds", "5");
        awaitIndicator(DISTRICT, "occupiedBeds", Long.toString(districtOccupiedBefore + 5));
        assertThat(page.indicator(STREET, "occupancyRate")).isEqualTo("0.5");
        assertThat(page.script("return window.portalTestMarker")).isEqualTo("no reload");
        screenshots.save("dashboard");
    }

    @Test
    @Order(2)
    void writesTheMissedTargetAlertInChineseWithTheEnglishBeside() {
        page.showTab("dashboard");
        // One station of Mentougou's binding ≥ 36 (test 1): the district misses a binding target.
        page.await(
                CATCH_UP,
                d -> d.findElements(By.cssSelector("[data-testid=alert][data-type=BINDING_TARGET_MISSED]")).stream()
                        .anyMatch(a -> a.getText().contains("未达约束性指标")));
        WebElement alert = driver.findElement(By.cssSelector("[data-testid=alert][data-type=BINDING_TARGET_MISSED]"));
        String type = alert.findElement(testId("alert-type")).getText();
        String message = alert.findElement(testId("alert-message")).getText();

        assertThat(type).startsWith("约束性指标未达标").endsWith("Binding target missed");
        assertThat(message).startsWith("门头沟区未达约束性指标").contains("驿站（目标 ≥36）");
        assertThat(alert.getText())
                .as("no raw code in the zh-CN view, and the English beside")
                .doesNotContain("BINDING_TARGET_MISSED")
                .contains("misses binding targets");
        screenshots.save("alerts-zh");
    }

    @Test
    @Order(3)
    void showsDaxingsTrajectoryFromItsBaselineAndMentougouHasNone() {
        page.showTab("dashboard");
        // Mentougou's table gives 2025 targets only: no line to stand against.
        page.await(
                CATCH_UP, d -> d.findElement(testId("plan-progress")).getText().contains("未给出2020年基线"));

        new org.openqa.selenium.support.ui.Select(driver.findElement(testId("district-select")))
                .selectByValue("110115");
        page.await(
                CATCH_UP, d -> !d.findElements(testId("progress-careStations")).isEmpty());
        WebElement stations = driver.findElement(testId("progress-careStations"));

        assertThat(stations.getText()).startsWith("驿站").contains("132", "≥140", "落后", "Behind");
        assertThat(stations.getDomAttribute("data-progress")).isEqualTo("BEHIND");
        screenshots.save("plan-progress");
        new org.openqa.selenium.support.ui.Select(driver.findElement(testId("district-select")))
                .selectByValue(DISTRICT);
    }

    @Test
    @Order(4)
    void rendersItsChineseInTheServedWebfontWithNoSystemCjkFont() {
        page.showTab("dashboard");
        @SuppressWarnings("unchecked")
        Map<String, Object> fonts = (Map<String, Object>) page.asyncScript("""
                await document.fonts.ready;
                const family = 'Eldercare Noto Sans SC';
                const faces = [...document.fonts].filter(f => f.family.replaceAll('"', '') === family);
                const loaded = faces.filter(f => f.status === 'loaded');
                const slices = performance.getEntriesByType('resource').filter(r => r.name.includes('/fonts/'));
                return {
                  bodyFamily: getComputedStyle(document.body).fontFamily,
                  checked: document.fonts.check('16px "' + family + '"', document.querySelector('h1').textContent),
                  faces: faces.length,
                  loaded: loaded.length,
                  woff2Bytes: slices.filter(r => r.name.endsWith('.woff2')).reduce((n, r) => n + r.encodedBodySize, 0),
                  cssBytes: slices.filter(r => r.name.endsWith('.css')).reduce((n, r) => n + r.transferSize, 0)
                };
                """);
        LOG.info("webfont on the first screen: {}", fonts);

        assertThat((String) fonts.get("bodyFamily")).startsWith("\"Eldercare Noto Sans SC\"");
        assertThat(fonts.get("checked"))
                .as("the title's characters are covered by loaded faces")
                .isEqualTo(true);
        long faces = ((Number) fonts.get("faces")).longValue();
        long loaded = ((Number) fonts.get("loaded")).longValue();
        assertThat(loaded).as("slices the first screen needed").isPositive();
        assertThat(loaded)
                .as("unicode-range keeps most slices off the first screen")
                .isLessThan(faces / 2);
        screenshots.save("webfont");
    }

    @Test
    @Order(5)
    void findsTheRegisteredStationNearbyWithItsDistanceAndFreeBeds() {
        page.showTab("finder");
        page.type("finder-lat", "39.9310");
        page.type("finder-lon", "116.0760");
        page.click("finder-submit");

        WebElement result = page.await(
                Duration.ofSeconds(20),
                d -> d.findElements(testId("facility-result")).stream()
                        .filter(r -> STATION.id().equals(r.getDomAttribute("data-facility-id")))
                        .findFirst()
                        .orElse(null));
        assertThat(result.getText()).contains(STATION.name());
        assertThat(Double.parseDouble(result.findElement(field("distanceKm")).getDomAttribute("data-value")))
                .isBetween(0.05, 0.5);
        assertThat(result.findElement(field("freeBeds")).getDomAttribute("data-value"))
                .isEqualTo("5");
        screenshots.save("finder");
    }

    @Test
    @Order(6)
    void identifiesACallerByNameAndPhoneAndOpensTheirServiceHistory() {
        send(List.of(
                serviceDelivered("op-1", STATION, CALLER, "MEAL", 120),
                serviceDelivered("op-1", STATION, CALLER, "BATHING", 30)));
        api.awaitCaughtUp(CATCH_UP);

        page.pickToken("demo-hotline");
        page.showTab("hotline");
        page.type("hl-name", CALLER.name());
        page.type("hl-phone", CALLER.phone());
        page.click("hl-submit");

        // Read what the first candidate shows inside the wait: a reply to an earlier click may still replace the
        // list, and an element held across that would be stale.
        List<String> shown = page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> found = d.findElements(testId("candidate"));
            if (found.isEmpty()) {
                d.findElement(testId("hl-submit")).click(); // resolution may trail the stream; ask again
                return null;
            }
            WebElement first = found.getFirst();
            return List.of(
                    first.getDomAttribute("data-decision"),
                    first.findElement(field("phoneMasked")).getText());
        });
        assertThat(shown.get(0)).isEqualTo("MATCH");
        assertThat(shown.get(1)).isEqualTo(Pii.maskPhone(CALLER.phone()));
        page.await(Duration.ofSeconds(20), d -> {
            d.findElements(testId("candidate"))
                    .getFirst()
                    .findElement(By.cssSelector("button.candidate-main"))
                    .click();
            return true;
        });

        page.await(
                Duration.ofSeconds(20),
                d -> d.findElements(testId("service-row")).size() == 2);
        page.await(
                Duration.ofSeconds(20),
                d -> d.findElements(testId("service-row")).stream()
                        .allMatch(r ->
                                r.findElement(field("facilityId")).getText().equals(STATION.name())));
        assertThat(page.all("service-row"))
                .extracting(r -> r.findElement(field("serviceType")).getDomAttribute("data-value"))
                .containsExactly("BATHING", "MEAL");
        assertThat(page.all("person")
                        .getFirst()
                        .findElement(field("idNumberMasked"))
                        .getText())
                .isEqualTo(Pii.maskIdNumber(CALLER.idNumber()));
        screenshots.save("hotline");
    }

    @Test
    @Order(7)
    void neverShowsTheCallersFullIdNumberOrPhoneOnAnyView() {
        for (String view : List.of("hotline", "dashboard", "finder")) {
            page.showTab(view);
            assertThat(page.source())
                    .as("page source of the %s view", view)
                    .doesNotContain(CALLER.idNumber())
                    .doesNotContain(CALLER.phone());
        }
        page.showTab("hotline");
        assertThat(page.source()).contains(Pii.maskIdNumber(CALLER.idNumber()));
    }

    @Test
    @Order(8)
    void showsStreetStaffTheirUnservedPeopleMaskedWithLabelsAndTheStationThatCanVisit() {
        var reply = api.postBatch(
                "demo-civil-affairs",
                batch(List.of(
                        personRegistered("portal-p-alone", ALONE, "ALONE", STREET, "东辛房街道"),
                        assessmentRecorded("portal-p-alone", 3),
                        personRegistered("portal-p-caller", CALLER, "ALONE", STREET, "东辛房街道"))));
        assertThat(reply.body().path("accepted").asInt())
                .as("register reply %s", reply.body())
                .isEqualTo(3);

        page.pickToken("demo-civil-affairs");
        page.showTab("people");
        new Select(driver.findElement(testId("people-street"))).selectByValue(STREET);
        // Rows are read inside the wait: a reload the wait asked for may re-render them right after.
        PersonRow row = page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> rows =
                    d.findElements(By.cssSelector("[data-testid=person-row][data-person-id=portal-p-alone]"));
            if (rows.isEmpty() || rows.getFirst().findElements(field("label")).size() < 3) {
                d.findElement(testId("people-submit")).click(); // the register trails the stream; ask again
                return null;
            }
            return PersonRow.of(rows.getFirst());
        });
        assertThat(row.labels()).contains("独居", "中度及以上失能");
        assertThat(row.served()).isEqualTo("未获服务");
        assertThat(row.nearestFacilities()).contains(STATION.name());
        assertThat(row.idNumberMasked()).isEqualTo(Pii.maskIdNumber(ALONE.idNumber()));
        assertThat(page.all("person-row"))
                .as("the caller served in test 4 is not on the unserved list")
                .noneMatch(r -> "portal-p-caller".equals(r.getDomAttribute("data-person-id")));

        driver.findElement(testId("people-unserved-only")).click();
        PersonRow served = page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> rows =
                    d.findElements(By.cssSelector("[data-testid=person-row][data-person-id=portal-p-caller]"));
            if (rows.isEmpty() || !"true".equals(rows.getFirst().getDomAttribute("data-served"))) {
                d.findElement(testId("people-submit")).click();
                return null;
            }
            return PersonRow.of(rows.getFirst());
        });
        assertThat(served.served()).startsWith("最近");
        // Both registered people live alone; the caller was served in test 4: the street's live coverage says so.
        List<String> livingAlone = page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> rows =
                    d.findElements(By.cssSelector("[data-testid=coverage-row][data-group=LIVING_ALONE]"));
            List<String> cells = rows.isEmpty()
                    ? List.of()
                    : List.of(
                            rows.getFirst().findElement(field("entitled")).getText(),
                            rows.getFirst().findElement(field("served")).getText(),
                            rows.getFirst().findElement(field("rate")).getText());
            if (!cells.equals(List.of("2", "1", "50.0%"))) {
                d.findElement(testId("people-submit")).click(); // coverage trails the register; ask again
                return null;
            }
            return cells;
        });
        assertThat(livingAlone).containsExactly("2", "1", "50.0%");
        assertThat(driver.findElement(By.cssSelector("[data-testid=coverage-row][data-group=LIVING_ALONE] th"))
                        .getText())
                .isEqualTo("独居");
        // The coverage map draws the street at its centroid in the band of its rate: 1 of 2 entitled served is 50 %.
        new Select(driver.findElement(testId("coverage-map-group"))).selectByValue("LIVING_ALONE");
        List<String> dot = page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> dots = d.findElements(By.cssSelector(
                    "[data-testid=coverage-map] [data-testid=coverage-street][data-street='" + STREET + "']"));
            if (dots.isEmpty() || !"1".equals(dots.getFirst().getDomAttribute("data-served"))) {
                d.findElement(testId("people-submit")).click(); // reloads the map's indicators too
                return null;
            }
            return List.of(
                    dots.getFirst().getDomAttribute("data-entitled"),
                    dots.getFirst().getDomAttribute("data-band"));
        });
        assertThat(dot).as("entitled and band of the street's dot").containsExactly("2", "mid");
        assertThat(driver.findElements(
                        By.cssSelector("[data-testid=coverage-map] [data-district='" + STREET.substring(0, 6) + "']")))
                .as("the street's district is filled in its own band")
                .singleElement()
                .extracting(e -> e.getDomAttribute("data-band"))
                .isIn("low", "mid", "high");
        assertThat(page.source())
                .as("the worklist shows masks only")
                .doesNotContain(ALONE.idNumber())
                .doesNotContain(ALONE.phone())
                .doesNotContain(CALLER.idNumber())
                .doesNotContain(CALLER.phone())
                .doesNotContain(ALONE.idNumber().substring(6, 14));
        screenshots.save("people");
    }

    /** What a worklist row shows, read at once so a later re-render cannot leave it stale. */
    private record PersonRow(List<String> labels, String served, String nearestFacilities, String idNumberMasked) {
        static PersonRow of(WebElement row) {
            List<WebElement> ids = row.findElements(field("idNumberMasked"));
            return new PersonRow(
                    row.findElements(field("label")).stream()
                            .map(WebElement::getText)
                            .toList(),
                    row.findElement(field("served")).getText(),
                    row.findElement(field("nearestFacilities")).getText(),
                    ids.isEmpty() ? null : ids.getFirst().getText());
        }
    }

    @Test
    @Order(9)
    void letsAReviewerSplitNamesakesOfOneStreetSideBySideWithNoFullIdentifierShown() {
        String namesakeId = GbIdNumber.of(DISTRICT, LocalDate.of(1944, 10, 3), 322, false);
        String namesakePhone = "13755556666";
        String otherPhone = "13811112222";
        send(List.of(
                serviceAt("op-1", STATION, "赵淑兰", namesakeId, namesakePhone, "门头沟区大峪街道新桥大街12号院3号楼", 90),
                // Another phone than the first record's: name and street alone leave the link uncertain (§7.6).
                serviceAt("op-1", STATION, "赵淑兰", null, otherPhone, "门头沟区大峪街道新桥大街12号院7号楼", 60)));
        api.awaitCaughtUp(CATCH_UP);

        page.pickToken("demo-civil-affairs");
        page.showTab("review");
        page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            List<WebElement> items = d.findElements(testId("review-item")).stream()
                    .filter(i -> i.findElement(field("names")).getText().equals("赵*兰 ⇄ 赵*兰"))
                    .toList();
            if (items.isEmpty()) {
                d.findElement(testId("review-load")).click(); // the queue trails the stream; ask again
                return null;
            }
            items.getFirst().findElement(testId("review-open")).click();
            return true;
        });
        page.await(
                Duration.ofSeconds(20),
                d -> !d.findElements(testId("review-field")).isEmpty());
        WebElement name = driver.findElement(By.cssSelector("[data-testid=review-field][data-field=name]"));
        assertThat(name.findElement(By.cssSelector("[data-side=left]")).getText())
                .isEqualTo("赵*兰");
        assertThat(name.findElement(By.cssSelector("[data-side=right]")).getText())
                .isEqualTo("赵*兰");
        assertThat(name.findElement(field("evidence")).getText()).startsWith("一致");
        assertThat(driver.findElement(By.cssSelector("[data-testid=review-field][data-field=idNumber]"))
                        .getText())
                .contains(Pii.maskIdNumber(namesakeId))
                .contains("缺失");
        assertThat(page.source())
                .as("the review shows masks only, and no birth date beside the masked ID")
                .doesNotContain(namesakeId)
                .doesNotContain(namesakePhone)
                .doesNotContain(otherPhone)
                .doesNotContain(namesakeId.substring(6, 14))
                .doesNotContain("1944-10-03");
        screenshots.save("review");

        page.type("review-reason", "两位老人同名同街，居委会核实");
        page.click("review-split");
        page.await(
                Duration.ofSeconds(20),
                d -> d.findElement(testId("review-outcome")).getText().startsWith("已提交"));
        new Select(driver.findElement(testId("review-status"))).selectByValue("SPLIT");
        page.await(CATCH_UP, Duration.ofSeconds(2), d -> {
            boolean split = d.findElements(testId("review-item")).stream()
                    .anyMatch(i -> i.findElement(field("names")).getText().equals("赵*兰 ⇄ 赵*兰"));
            if (!split) {
                d.findElement(testId("review-load")).click(); // the job applies the decision; ask again
            }
            return split ? true : null;
        });
    }

    @Test
    @Order(10)
    void listsACallTakenOverTheApiInTheCallLogWithItsOrderAndTheCallerByPseudonymOnly() {
        // 王秀英 was served in test 6: the hotline identifies her, logs her call and opens a meal order on it.
        JsonNode candidates = api.awaitOrFail(
                        "a candidate for " + CALLER.name(),
                        CATCH_UP,
                        () -> api.postJson(
                                "demo-hotline",
                                "/api/v1/recipients/match",
                                "{\"name\":\"%s\",\"phone\":\"%s\"}".formatted(CALLER.name(), CALLER.phone())),
                        r -> r.status() == 200 && !r.body().path("candidates").isEmpty())
                .body()
                .path("candidates");
        String recipientId = candidates.get(0).path("recipientId").asText();
        String callId = PortalEvents.id("call");
        String workOrderId = PortalEvents.id("wo");
        var reply = api.postBatch(
                "demo-hotline",
                batch(List.of(
                        PortalEvents.callLogged("it-desk", callId, recipientId, STREET, "REQUEST"),
                        PortalEvents.workOrderOpened("it-desk", workOrderId, callId, "MEAL", STATION, recipientId))));
        assertThat(reply.status()).as("intake reply %s", reply.body()).isEqualTo(202);
        assertThat(reply.body().path("accepted").asInt())
                .as("intake reply %s", reply.body())
                .isEqualTo(2);
        api.awaitOrFail(
                "call " + callId + " with its order in the call log",
                CATCH_UP,
                () -> api.get("demo-hotline", "/api/v1/calls?streetCode=" + STREET),
                r -> r.status() == 200
                        && r.body()
                                .path("items")
                                .findValuesAsText("workOrderId")
                                .contains(workOrderId));

        page.open(); // a fresh page: the hotline view reads the log when it is shown
        page.pickToken("demo-hotline");
        page.showTab("hotline");
        By row = By.cssSelector("[data-testid='call-row'][data-call-id='" + callId + "']");
        page.await(CATCH_UP, d -> !d.findElements(row).isEmpty());
        WebElement shown = driver.findElement(row);

        assertThat(shown.findElement(field("caller")).getText()).isEqualTo(recipientId);
        assertThat(shown.findElement(field("reason")).getText()).isEqualTo("服务申请 Request");
        assertThat(shown.findElement(field("requestType")).getText()).isEqualTo("助餐 Meal");
        WebElement state = shown.findElement(field("orderState")).findElement(By.cssSelector(".order"));
        assertThat(state.getDomAttribute("data-work-order-id")).isEqualTo(workOrderId);
        assertThat(state.getText()).as("opened, not dispatched").isEqualTo("待派单 Open");
        assertThat(shown.getText())
                .as("the call names the caller by pseudonym only")
                .doesNotContain(CALLER.name(), CALLER.idNumber(), CALLER.phone());
        assertThat(page.source()).doesNotContain(CALLER.idNumber(), CALLER.phone());
        screenshots.save("hotline-call-log");
    }

    private void send(List<String> events) {
        var reply = api.postBatch("demo-operator-1", batch(events));
        assertThat(reply.status()).as("intake reply %s", reply.body()).isEqualTo(202);
        assertThat(reply.body().path("accepted").asInt()).isEqualTo(events.size());
    }

    private void awaitIndicator(String areaCode, String fieldName, String expected) {
        page.await(CATCH_UP, d -> expected.equals(page.indicator(areaCode, fieldName)));
    }
}
