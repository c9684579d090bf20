package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.populationUpdated;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.fixtures.EventJson;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeRulesTest {

    static EventJson[] oneOfEachType() {
        return Events.oneOfEachType();
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void acceptsAWellFormedEventOfEveryType(EventJson event) {
        assertThat(valid(event).type().wireName())
                .isEqualTo(event.node().get("type").asText());
    }

    @Test
    void readsTheEnvelopeAttributes() {
        var event = valid(bedOccupied("f-1", 3).id("e-42"));

        assertThat(event.id()).isEqualTo("e-42");
        assertThat(event.source()).isEqualTo("/operators/op-1");
        assertThat(event.operatorId()).isEqualTo("op-1");
        assertThat(event.type()).isEqualTo(EventType.BED_OCCUPIED);
        assertThat(event.time()).isEqualTo(Events.NOW.minusMinutes(1));
    }

    @Test
    void rejectsASpecVersionOtherThanOnePointZero() {
        assertThat(errorsOf(bedOccupied("f-1", 1).set("specversion", "0.3")))
                .containsExactly("specversion: must be \"1.0\"");
        assertThat(errorsOf(bedOccupied("f-1", 1).set("specversion", 1.0)))
                .containsExactly("specversion: must be a string");
        assertThat(errorsOf(bedOccupied("f-1", 1).remove("specversion"))).containsExactly("specversion: is required");
    }

    @Test
    void acceptsIdsOfOneTo128Characters() {
        valid(bedOccupied("f-1", 1).id("x"));
        valid(bedOccupied("f-1", 1).id("x".repeat(128)));
        valid(bedOccupied("f-1", 1).id("𠀀".repeat(128)));
    }

    @Test
    void rejectsEmptyOrOverlongIds() {
        assertThat(errorsOf(bedOccupied("f-1", 1).id(""))).containsExactly("id: must be 1 to 128 characters");
        assertThat(errorsOf(bedOccupied("f-1", 1).id("x".repeat(129))))
                .containsExactly("id: must be 1 to 128 characters");
        assertThat(errorsOf(bedOccupied("f-1", 1).set("id", 42))).containsExactly("id: must be a string");
        assertThat(errorsOf(bedOccupied("f-1", 1).remove("id"))).containsExactly("id: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/operators/op-1", "/operators/Op_2.north-3", "/operators/a"})
    void acceptsOperatorSources(String source) {
        assertThat(valid(bedOccupied("f-1", 1).source(source)).source()).isEqualTo(source);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "operators/op-1",
                "/operators/",
                "/operators/op 1",
                "/operators/op/1",
                "/op/op-1",
                "",
                "/planners/"
            })
    void rejectsMalformedSources(String source) {
        assertThat(errorsOf(bedOccupied("f-1", 1).source(source)))
                .singleElement()
                .asString()
                .startsWith("source: must be /operators/<operatorId>");
    }

    @Test
    void rejectsOperatorIdsLongerThan64Characters() {
        valid(bedOccupied("f-1", 1).source("/operators/" + "o".repeat(64)));
        assertThat(errorsOf(bedOccupied("f-1", 1).source("/operators/" + "o".repeat(65))))
                .hasSize(1);
    }

    @Test
    void acceptsAnyPlannerNameForPopulationUpdates() {
        valid(populationUpdated(TestStreets.STREET, 100, 20).source("/planners/民政局/规划科"));
    }

    @Test
    void rejectsPopulationUpdatesFromOperators() {
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, 20).source("/operators/op-1")))
                .containsExactly("source: population.updated must come from /planners/<name>");
    }

    @Test
    void rejectsOperatorEventsFromPlanners() {
        assertThat(errorsOf(bedOccupied("f-1", 1).source("/planners/civil-affairs")))
                .containsExactly("source: bed.occupied must come from /operators/<operatorId>");
    }

    @Test
    void rejectsUnknownOrMissingTypes() {
        assertThat(errorsOf(bedOccupied("f-1", 1).set("type", "bed.stolen")))
                .singleElement()
                .asString()
                .startsWith("type: must be one of facility.registered, facility.updated,");
        assertThat(errorsOf(bedOccupied("f-1", 1).remove("type"))).containsExactly("type: is required");
    }

    @Test
    void rejectsAMissingDataOrDataThatIsNoObject() {
        assertThat(errorsOf(bedOccupied("f-1", 1).remove("data"))).containsExactly("data: is required");
        assertThat(errorsOf(bedOccupied("f-1", 1).set("data", null))).containsExactly("data: is required");
        assertThat(errorsOf(bedOccupied("f-1", 1).set("data", "f-1"))).containsExactly("data: must be an object");
    }

    @Test
    void acceptsAnAbsentDataContentType() {
        valid(bedOccupied("f-1", 1).remove("datacontenttype"));
    }

    @Test
    void rejectsADataContentTypeOtherThanJson() {
        assertThat(errorsOf(bedOccupied("f-1", 1).set("datacontenttype", "text/plain")))
                .containsExactly("datacontenttype: must be application/json when present");
    }

    @Test
    void ignoresExtensionAttributes() {
        valid(bedOccupied("f-1", 1).set("traceparent", "00-abc").set("partitionkey", "f-1"));
    }

    @Test
    void collectsEveryErrorOfAnEventInOnePass() {
        var event = bedOccupied("f 1", 0).set("specversion", "2.0").id("").set("time", "yesterday");

        assertThat(errorsOf(event))
                .containsExactly(
                        "specversion: must be \"1.0\"",
                        "id: must be 1 to 128 characters",
                        "time: must be an RFC 3339 date-time with offset, like 2026-11-23T10:15:30+08:00",
                        "data.facilityId: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -",
                        "data.count: must be between 1 and 500");
    }

    @Test
    void reportsTheRawAttributesOfAnInvalidEvent() {
        var result = Judge.read(bedOccupied("f-1", 0).id("e-7"));

        assertThat(result)
                .isEqualTo(new ReadResult.Invalid(
                        "e-7",
                        "/operators/op-1",
                        "bed.occupied",
                        java.util.List.of("data.count: must be between 1 and 500")));
    }

    @Test
    void cutsOverlongRawAttributesItEchoes() {
        var result = (ReadResult.Invalid) Judge.read(bedOccupied("f-1", 1).id("x".repeat(10_000)));

        assertThat(result.id()).hasSize(256);
    }
}
