package org.eldercare.api.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.api.recipient.ActionRecordingAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The register read within an office's scope, over HTTP (docs/CONTRACT.md §7.4, §10.4): the 大峪街道 office reads
 * 王桂英 and its own street's worklist, and is refused 城子街道's worklist and person with a problem naming the field and
 * its scope, audited; the 门头沟区 office reads every street of its district and no street of 大兴区; a city-wide office,
 * the planner and the admin read every street as before. The register is the job's {@code persons} documents, held in
 * memory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RegisterScopeApiTest.Fakes.class)
class RegisterScopeApiTest {

    static final String DAYU = "110109001";
    static final String CHENGZI = "110109002";
    static final String XINGFENG = "110115001";
    static final String WANG = "p-dayu-0042";
    static final String ZHAO = "p-chengzi-0003";
    static final String LIU = "p-xingfeng-0005";
    static final String DAYU_OFFICE = "test-office-dayu";
    static final String MENTOUGOU_OFFICE = "test-office-mentougou";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ActionRecordingAuditLog audit;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        audit.clear();
    }

    @Test
    void aStreetOfficeReadsItsOwnStreetsWorklistAndPeople() throws Exception {
        MvcTestResult worklist = worklist(DAYU_OFFICE, DAYU);
        assertThat(worklist).hasStatusOk();
        assertThat(json(worklist).path("items").findValuesAsText("personId")).containsExactly(WANG);

        MvcTestResult person = person(DAYU_OFFICE, WANG);
        assertThat(person).hasStatusOk();
        assertThat(json(person).path("nameMasked").asText()).isEqualTo("王*英");
        assertThat(audit.entries).containsExactly("office-dayu WORKLIST " + DAYU, "office-dayu PERSON " + WANG);
    }

    @Test
    void aStreetOfficeIsRefusedAnotherStreetsWorklistNamingTheFieldAndItsScope() throws Exception {
        MvcTestResult refused = worklist(DAYU_OFFICE, CHENGZI);

        assertThat(refused).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).path("detail").asText())
                .isEqualTo("streetCode: street " + CHENGZI + " is outside your scope " + DAYU);
        assertThat(refused).bodyText().doesNotContain(ZHAO, "赵*");
        assertThat(audit.entries)
                .as("the refused read is in the access review")
                .containsExactly("office-dayu WORKLIST " + CHENGZI);
        assertThat(worklist(DAYU_OFFICE, "1101"))
                .as("the format is checked first")
                .hasStatus(400);
    }

    @Test
    void aStreetOfficeIsRefusedAPersonOfAnotherStreetButAnUnknownOneIsStillNotFound() throws Exception {
        MvcTestResult refused = person(DAYU_OFFICE, ZHAO);

        assertThat(refused).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).path("detail").asText())
                .isEqualTo("personId: person " + ZHAO + " is outside your scope " + DAYU);
        assertThat(refused).bodyText().doesNotContain("赵*", "110109********2345");
        assertThat(audit.entries).containsExactly("office-dayu PERSON " + ZHAO);
        assertThat(person(DAYU_OFFICE, "p-nobody")).hasStatus(404);

        audit.failing = true;
        assertThat(person(DAYU_OFFICE, ZHAO)).as("no audit entry, no answer").hasStatus(503);
    }

    @Test
    void aDistrictOfficeReadsEveryStreetOfItsDistrictAndNoOther() throws Exception {
        assertThat(worklist(MENTOUGOU_OFFICE, DAYU)).hasStatusOk();
        assertThat(json(worklist(MENTOUGOU_OFFICE, CHENGZI)).path("items").findValuesAsText("personId"))
                .containsExactly(ZHAO);
        assertThat(person(MENTOUGOU_OFFICE, ZHAO)).hasStatusOk();

        MvcTestResult otherDistrict = worklist(MENTOUGOU_OFFICE, XINGFENG);
        assertThat(otherDistrict).hasStatus(403);
        assertThat(json(otherDistrict).path("detail").asText())
                .isEqualTo("streetCode: street " + XINGFENG + " is outside your scope 110109");
        assertThat(person(MENTOUGOU_OFFICE, LIU)).hasStatus(403);
        assertThat(worklist(MENTOUGOU_OFFICE, "110199001"))
                .as("a street the reference data does not know is judged by its first 6 digits")
                .hasStatus(403);
    }

    @Test
    void aCityWideOfficeThePlannerAndTheAdminReadEveryStreet() throws Exception {
        for (String token : List.of("demo-civil-affairs", "demo-planner", "demo-admin")) {
            assertThat(worklist(token, XINGFENG)).as(token).hasStatusOk();
            assertThat(worklist(token, CHENGZI)).as(token).hasStatusOk();
            assertThat(person(token, LIU)).as(token).hasStatusOk();
        }
    }

    MvcTestResult worklist(String token, String streetCode) {
        return mvc.get()
                .uri("/api/v1/worklist?unservedOnly=false&streetCode=" + streetCode)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    MvcTestResult person(String token, String personId) {
        return mvc.get()
                .uri("/api/v1/persons/" + personId)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    JsonNode json(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @TestConfiguration
    static class Fakes {

        @Bean
        @Primary
        ActionRecordingAuditLog recordingAudit() {
            return new ActionRecordingAuditLog();
        }

        /** Three registered people, each living alone, in 大峪街道, 城子街道 (门头沟区) and 兴丰街道 (大兴区). */
        @Bean
        @Primary
        RegisterDirectory inMemoryRegister() {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> persons = List.of(
                    person(mapper, WANG, "110109", DAYU, "王*英", "110109********1234", 1938),
                    person(mapper, ZHAO, "110109", CHENGZI, "赵*", "110109********2345", 1940),
                    person(mapper, LIU, "110115", XINGFENG, "刘*华", "110115********3456", 1944));
            return new RegisterDirectory(null) {
                @Override
                Optional<JsonNode> person(String personId) {
                    return persons.stream()
                            .filter(p -> p.path("personId").asText().equals(personId))
                            .findFirst();
                }

                @Override
                List<JsonNode> entitled(String streetCode) {
                    return persons.stream()
                            .filter(p -> p.path("streetCode").asText().equals(streetCode))
                            .toList();
                }

                @Override
                Map<String, List<String>> recipientsByDigest(List<String> digests) {
                    return Map.of();
                }

                @Override
                Map<String, String> lastServedSince(List<String> recipientIds, OffsetDateTime since) {
                    return Map.of();
                }
            };
        }

        /** A person as the job indexes them (docs/CONTRACT.md §7.4); no entitlement that needs a facility. */
        private static ObjectNode person(
                ObjectMapper mapper,
                String personId,
                String districtCode,
                String streetCode,
                String nameMasked,
                String idNumberMasked,
                int birthYear) {
            ObjectNode person = mapper.createObjectNode()
                    .put("personId", personId)
                    .put("districtCode", districtCode)
                    .put("streetCode", streetCode)
                    .put("nameMasked", nameMasked)
                    .put("idNumberMasked", idNumberMasked)
                    .put("birthYear", birthYear)
                    .put("age", 2026 - birthYear)
                    .put("livingArrangement", "ALONE");
            person.putArray("labels")
                    .addObject()
                    .put("label", "LIVING_ALONE")
                    .put("evidence", "livingArrangement ALONE");
            person.putArray("entitlements");
            return person;
        }
    }
}
