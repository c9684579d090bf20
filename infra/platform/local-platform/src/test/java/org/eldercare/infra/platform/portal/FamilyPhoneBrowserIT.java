package org.eldercare.infra.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.portal.PortalEvents.batch;
import static org.eldercare.infra.platform.portal.PortalEvents.personRegistered;
import static org.eldercare.infra.platform.portal.PortalEvents.registered;
import static org.eldercare.infra.platform.portal.PortalPage.testId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eldercare.infra.platform.it.CareEvents;
import org.eldercare.infra.platform.it.PlatformClient;
import org.eldercare.infra.platform.it.SharedPlatform;
import org.eldercare.infra.platform.it.SharedPlatform.RunningPlatform;
import org.eldercare.infra.platform.portal.PortalEvents.Facility;
import org.eldercare.infra.platform.portal.PortalEvents.Recipient;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * 一手机's family view and caregiver check-in (docs/CONTRACT.md §10.4, §10.5) on the whole platform and on a phone
 * (headless Chromium emulating a 375 × 812 touch screen), in {@link PhoneFinderBrowserIT}'s pattern. The street
 * office registers 赵桂芳, her operator binds an SOS button that she presses, the office issues her daughter a code:
 * the page shows the incident masked, and once the office revokes the code the page is refused. A caregiver checks in
 * at her door with the phone's location, through the intake, and the job accepts the visit where it rejects one for a
 * facility its operator does not own. Screenshots go to {@code target/portal-screenshots/}. On the {@link SharedPlatform}
 * (whose family-view limit, {@link SharedPlatform#FAMILY_LIMIT}, lets the page poll): its people, facilities and
 * button are in 永定地区, a street no other class uses.
 */
@Tag("browser") // the browser tier (README, "Tests")
@ExtendWith(HeadlessChromium.Installed.class)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FamilyPhoneBrowserIT {

    static final String DISTRICT = "110109";
    static final String STREET = "110109006"; // 永定地区, centre 39.912, 116.100
    static final String STREET_NAME = "永定地区";
    static final Duration CATCH_UP = Duration.ofSeconds(120);
    static final String PERSON = "p-family-0811";
    static final Recipient ZHAO = new Recipient(
            "赵桂芳",
            GbIdNumber.of(DISTRICT, LocalDate.of(1937, 5, 21), 316, false),
            "13712345678",
            "F",
            LocalDate.of(1937, 5, 21));
    static final Facility STATION =
            new Facility("family-station-0811", "永定家属测试驿站", "CARE_STATION", STREET, 39.914, 116.098, 10);
    static final Facility OTHERS =
            new Facility("family-other-0812", "他人测试驿站", "CARE_STATION", STREET, 39.911, 116.102, 10);
    static final String BUTTON = "family-sos-0811";
    /** A run of 11 or more digits: a phone number or more of an ID number than its mask shows. */
    static final Pattern FULL_IDENTIFIER = Pattern.compile("\\d{11,}");

    static WebDriver driver;
    static String code;
    static String codeId;

    @RegisterExtension
    static final Screenshots screenshots = new Screenshots(() -> driver);

    static int port;

    PlatformClient api;
    PortalPage page;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

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
    void issuesACodeThatOpensTheEldersSosIncidentMaskedOverHttp() throws Exception {
        var register = api.postBatch(
                "demo-civil-affairs", batch(List.of(personRegistered(PERSON, ZHAO, "ALONE", STREET, STREET_NAME))));
        assertThat(register.body().path("accepted").asInt())
                .as("register %s", register.body())
                .isEqualTo(1);
        var operator = api.postBatch(
                "demo-operator-1",
                batch(List.of(
                        registered("op-1", STATION),
                        CareEvents.event("op-1", CareEvents.id("evt"), "device.bound", """
                                {"deviceId":"%s","kind":"SOS_BUTTON","personId":"%s","districtCode":"%s",
                                 "streetCode":"%s","heartbeatSeconds":3600}""".formatted(
                                        BUTTON, PERSON, DISTRICT, STREET)))));
        assertThat(operator.body().path("accepted").asInt())
                .as("intake %s", operator.body())
                .isEqualTo(2);
        var others = api.postBatch("demo-operator-2", batch(List.of(registered("op-2", OTHERS))));
        assertThat(others.body().path("accepted").asInt()).isEqualTo(1);
        api.awaitCaughtUp(CATCH_UP);
        var sos = api.postBatch(
                "demo-operator-1",
                batch(List.of(CareEvents.event(
                        "op-1", CareEvents.id("evt"), "device.sos", "{\"deviceId\":\"%s\"}".formatted(BUTTON)))));
        assertThat(sos.body().path("accepted").asInt()).isEqualTo(1);

        var issued = api.postJson("demo-civil-affairs", "/api/v1/family-codes", "{\"personId\":\"" + PERSON + "\"}");
        assertThat(issued.status()).as("issue %s", issued.body()).isEqualTo(201);
        code = issued.body().path("code").asText();
        codeId = issued.body().path("codeId").asText();

        JsonNode view = awaitView(1);
        assertThat(view.path("person").path("nameMasked").asText()).isEqualTo("赵*芳");
        assertThat(view.path("person").path("birthYear").asInt()).isEqualTo(1937);
        assertThat(view.path("incidents").get(0).path("rule").asText()).isEqualTo("SOS");
        assertThat(view.path("devices").get(0).path("deviceKind").asText()).isEqualTo("SOS_BUTTON");
        assertThat(view.toString())
                .as("nothing but the masked view")
                .doesNotContain(PERSON, BUTTON, "赵桂芳", ZHAO.idNumber(), "1937-05-21", "op-1", "inc-");
        assertThat(FULL_IDENTIFIER.matcher(view.toString()).find()).isFalse();
        // The audit entry is durable at once and searchable within the index's refresh interval (§6.2).
        var audit = api.awaitOrFail(
                "the family view's audit entry",
                Duration.ofSeconds(30),
                () -> api.get("demo-admin", "/api/v1/audit?size=50"),
                r -> r.status() == 200 && r.body().toString().contains(codeId));
        assertThat(audit.body().toString())
                .as("the view is audited under the code's id, never the code")
                .contains(codeId)
                .doesNotContain(code.replace("-", ""));
    }

    @Test
    @Order(2)
    void showsTheIncidentOnAPhoneWithTheCodeInSessionStorageOnlyAndRefusesItOnceRevoked() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/m/family.html");
        page.type("f-code", code);
        page.click("f-submit");
        List<WebElement> incidents = page.await(Duration.ofSeconds(30), d -> {
            List<WebElement> found = d.findElements(testId("f-incident"));
            return found.isEmpty() ? null : found;
        });

        assertThat(incidents.getFirst().getText()).contains("紧急呼叫", "SOS", "一键呼叫器");
        assertThat(driver.findElement(testId("f-person")).getText()).contains("赵*芳", "1937");
        assertThat(driver.findElement(testId("f-visits")).getText())
                .as("visits are shown, not left out")
                .contains("探访")
                .doesNotContain("暂未开放", "Not available yet");
        Map<String, Object> screen = screen();
        assertPhoneLayout(screen);
        assertThat(screen.get("session")).as("the code in sessionStorage only").isEqualTo(1L);
        assertThat(screen.get("local")).isEqualTo(0L);
        assertThat((String) screen.get("url")).doesNotContain(code, code.replace("-", ""));
        assertThat((String) screen.get("text")).doesNotContain("赵桂芳", PERSON, BUTTON);
        screenshots.save("family-view");

        HttpResponse<String> revoked = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/family-codes/" + codeId))
                        .header("Authorization", "Bearer demo-civil-affairs")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as("revoke %s", revoked.body()).isEqualTo(200);

        driver.navigate().refresh();
        WebElement detail = page.await(
                Duration.ofSeconds(30),
                d -> d.findElements(testId("f-detail")).stream().findFirst().orElse(null));
        assertThat(detail.getText()).isEqualTo("code: is not a valid family access code (wrong, revoked or expired)");
        assertThat(driver.findElement(testId("f-state")).getText()).contains("查询码无效");
        assertThat(driver.findElement(testId("f-view")).isDisplayed()).isFalse();
        assertThat(page.script("return sessionStorage.length"))
                .as("a refused code is forgotten")
                .isEqualTo(0L);
        screenshots.save("family-view-revoked");
    }

    @Test
    @Order(3)
    void checksACaregiverInWithThePhonesLocationThroughTheIntakeAndTheJobAcceptsTheVisit() throws Exception {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", "http://127.0.0.1:" + port, "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", 39.9122, "longitude", 116.1001, "accuracy", 15));
        driver.get("http://127.0.0.1:" + port + "/m/checkin.html");
        assertThat(page.source()).as("no token preloaded").doesNotContain("demo-", "Bearer demo");
        page.type("c-token", "demo-operator-1");
        page.type("c-operator", "op-1");
        page.click("c-start");
        page.type("c-facility", STATION.id());
        page.type("c-caregiver", "cg-family-7");
        page.type("c-person", PERSON);
        page.click("c-submit");
        WebElement visitId = page.await(
                Duration.ofSeconds(30),
                d -> d.findElements(testId("c-visit-id")).stream().findFirst().orElse(null));

        assertThat(driver.findElement(testId("c-outcome")).getText()).contains("已签到", "Checked in");
        Map<String, Object> screen = screen();
        assertPhoneLayout(screen);
        assertThat(screen.get("local")).isEqualTo(0L);
        assertThat((String) screen.get("url")).doesNotContain("demo-operator-1");
        screenshots.save("caregiver-checkin");

        // A visit to another operator's facility, which the job rejects: it shows the job has judged visits.
        String control = "visit-control-" + CareEvents.id("v");
        var sent = api.postBatch("demo-operator-1", batch(List.of("""
                {"specversion":"1.0","id":"%s","source":"/operators/op-1","type":"visit.completed","time":"%s",
                 "data":{"visitId":"%s","facilityId":"%s","caregiverId":"cg-family-7","personId":"%s",
                 "visitedAt":"%s","durationMinutes":30,"location":{"lat":39.9122,"lon":116.1001},
                 "confirmation":"PHONE_LOCATION"}}""".formatted(
                        control,
                        OffsetDateTime.now(PortalEvents.SHANGHAI).minusSeconds(5),
                        control.substring(6),
                        OTHERS.id(),
                        PERSON,
                        OffsetDateTime.now(PortalEvents.SHANGHAI).minusMinutes(30)))));
        assertThat(sent.body().path("accepted").asInt())
                .as("control %s", sent.body())
                .isEqualTo(1);
        api.awaitCaughtUp(CATCH_UP);
        var rejections = api.awaitOrFail(
                "the control visit's rejection",
                CATCH_UP,
                () -> api.get("demo-admin", "/api/v1/rejections?operatorId=op-1&size=100"),
                r -> r.status() == 200 && r.body().toString().contains(control));
        assertThat(rejections.body().findValuesAsText("eventId"))
                .as("the page's visit is accepted downstream")
                .doesNotContain("visit-" + visitId.getText());
    }

    private JsonNode awaitView(int incidents) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            HttpResponse<String> reply = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/family/view"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as("family view %s", reply.body()).isEqualTo(200);
            JsonNode view = json.readTree(reply.body());
            if (view.path("incidents").size() >= incidents || System.nanoTime() > deadline) {
                return view;
            }
            Thread.sleep(1000);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> screen() {
        return (Map<String, Object>) page.script("""
                const small = [...document.querySelectorAll('button, a[href], select, input')]
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
                  small: small,
                  wide: wide,
                  session: sessionStorage.length,
                  local: localStorage.length,
                  url: location.href,
                  text: document.body.innerText
                };
                """);
    }

    private static void assertPhoneLayout(Map<String, Object> screen) {
        assertThat(((Number) screen.get("innerWidth")).intValue()).isEqualTo(HeadlessChromium.PHONE_WIDTH);
        assertThat(screen.get("touch")).as("touch emulated").isEqualTo(true);
        assertThat(((Number) screen.get("scrollWidth")).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(HeadlessChromium.PHONE_WIDTH);
        assertThat((List<?>) screen.get("wide"))
                .as("elements past the right edge")
                .isEmpty();
        assertThat((List<?>) screen.get("small"))
                .as("tap targets under 44 x 44 px")
                .isEmpty();
        assertThat(FULL_IDENTIFIER.matcher((String) screen.get("text")).find())
                .as("no full identifier on the screen")
                .isFalse();
    }
}
