package org.eldercare.api.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The public finder's door (docs/CONTRACT.md §10.1) without a cluster behind it: no token is asked for, each bad
 * parameter is a 400 naming it, and the limit is per client address. The rate is tiny, so three requests from one
 * address cross it without depending on timing; each test uses addresses of its own.
 */
@SpringBootTest(
        properties = {
            "eldercare.limits.public-finder.requests-per-second=0.001",
            "eldercare.limits.public-finder.burst=2"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicFinderWebTest {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult nearby(String address, String query) {
        return mvc.get()
                .uri("/api/v1/public/facilities/nearby?" + query)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .exchange();
    }

    @Test
    void judgesAnAnonymousRequestsParametersInsteadOfAskingForAToken() {
        assertThat(nearby("10.0.1.1", "lat=39.9&lon=116.4&radiusKm=25"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("radiusKm: must be greater than 0 and at most 20");
        assertThat(nearby("10.0.1.2", "lat=39.9&lon=116.4&limit=21"))
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("limit: must be between 1 and 20");
    }

    @Test
    void namesTheMissingOrMalformedParameter() {
        assertThat(nearby("10.0.2.1", "lon=116.4"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("lat: is required");
        assertThat(nearby("10.0.2.2", "lat=north&lon=116.4"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("lat: must be a number");
        assertThat(nearby("10.0.2.3", "lat=39.9&lon=116.4&kind=HOSPITAL"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("kind: must be one of CARE_CENTER, CARE_STATION, INSTITUTION, MEAL_TABLE");
        assertThat(nearby("10.0.2.4", "lat=39.9&lon=116.4&available=yes"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("available: must be true or false");
    }

    @Test
    void answersAnAddressOverItsRateWith429RetryAfterAndTheLimitNamed() {
        String bad = "lat=91&lon=116.4"; // judged after the limit, so the cluster is not needed
        assertThat(nearby("10.0.3.1", bad)).hasStatus(400);
        assertThat(nearby("10.0.3.1", bad)).hasStatus(400);

        MvcTestResult refused = nearby("10.0.3.1", bad);

        assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).headers().hasValue("Retry-After", "1000");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("rate limit: at most 0.001 requests per second per client address (public)");
        assertThat(refused).bodyJson().extractingPath("$.limit").isEqualTo("public-finder.requests-per-second");
        assertThat(nearby("10.0.3.2", bad)).as("another address's allowance").hasStatus(400);
    }

    @Test
    void leavesTheStaffFinderBehindItsToken() {
        for (int i = 0; i < 3; i++) {
            nearby("10.0.4.1", "lat=91&lon=116.4");
        }
        assertThat(mvc.get().uri("/api/v1/facilities/nearby?lat=39.9&lon=116.4").exchange())
                .as("the staff finder still needs a token")
                .hasStatus(401);
    }

    @Test
    void listsStreetsWithTheirCentresForAPhoneWithoutLocation() {
        MvcTestResult streets = mvc.get()
                .uri("/api/v1/public/streets")
                .with(request -> {
                    request.setRemoteAddr("10.0.5.1");
                    return request;
                })
                .exchange();

        assertThat(streets).hasStatusOk();
        assertThat(streets)
                .bodyJson()
                .extractingPath("$.districts[?(@.code=='110109')].streets[?(@.code=='110109001')].name")
                .asArray()
                .hasSize(1);
        assertThat(streets).headers().hasValue("Cache-Control", "max-age=86400, public");
    }
}
