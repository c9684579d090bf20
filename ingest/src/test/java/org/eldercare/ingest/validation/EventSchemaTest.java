package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.caregiverHired;
import static org.eldercare.ingest.fixtures.Events.facilityRegistered;
import static org.eldercare.ingest.fixtures.Events.mealServed;
import static org.eldercare.ingest.fixtures.Events.populationUpdated;
import static org.eldercare.ingest.fixtures.Events.serviceDelivered;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Stream;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.fixtures.EventJson;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas under {@code schemas/} are the published copy of the event contract. These tests
 * keep them in step with {@link EventReader}: what one accepts the other accepts, and each rule a
 * schema can express rejects the same events in both.
 */
class EventSchemaTest {

    private static final String BASE = "https://eldercare.example/schemas/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:schemas/")));

    private static Schema schemaOf(String type) {
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + type + ".schema.json"));
    }

    private static List<String> schemaErrors(EventJson event) {
        String type = event.node().path("type").asText();
        return schemaOf(type).validate(event.json(), InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    static EventJson[] oneOfEachType() {
        return Events.oneOfEachType();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publishesASchemaForEveryType(EventType type) {
        assertThat(schemaOf(type.wireName()).getSchemaNode().path("title").asString())
                .isEqualTo(type.wireName());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void acceptsEveryValidEventInBoth(EventJson event) {
        assertThat(Judge.errorsOf(event)).isEmpty();
        assertThat(schemaErrors(event)).isEmpty();
        assertThat(SCHEMAS.getSchema(SchemaLocation.of(BASE + "envelope.schema.json"))
                        .validate(event.json(), InputFormat.JSON))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void acceptsWhatTheWriterWritesInBoth(EventJson event) {
        var written = new String(CloudEventJson.write(Judge.valid(event)), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(schemaOf(event.node().path("type").asText()).validate(written, InputFormat.JSON))
                .isEmpty();
    }

    static Stream<Arguments> breaches() {
        return Stream.of(
                Arguments.of("wrong specversion", bedOccupied("f-1", 1).set("specversion", "0.3")),
                Arguments.of("empty id", bedOccupied("f-1", 1).id("")),
                Arguments.of("long id", bedOccupied("f-1", 1).id("x".repeat(129))),
                Arguments.of("bad source", bedOccupied("f-1", 1).source("/ops/op-1")),
                Arguments.of("planner sends beds", bedOccupied("f-1", 1).source("/planners/x")),
                Arguments.of(
                        "operator sends population",
                        populationUpdated(TestStreets.STREET, 10, 1).source("/operators/op-1")),
                Arguments.of("time without offset", bedOccupied("f-1", 1).set("time", "2026-11-23T09:59:00")),
                Arguments.of("time without seconds", bedOccupied("f-1", 1).set("time", "2026-11-23T09:59+08:00")),
                Arguments.of("text content type", bedOccupied("f-1", 1).set("datacontenttype", "text/plain")),
                Arguments.of("no data", bedOccupied("f-1", 1).remove("data")),
                Arguments.of("bed count 0", bedOccupied("f-1", 0)),
                Arguments.of("bed count 501", bedOccupied("f-1", 501)),
                Arguments.of("fractional count", bedOccupied("f-1", 1).set("data.count", 1.5)),
                Arguments.of("facility id with space", bedOccupied("f 1", 1)),
                Arguments.of("beds 5001", facilityRegistered("f-1").set("data.beds", 5001)),
                Arguments.of("beds as string", facilityRegistered("f-1").set("data.beds", "20")),
                Arguments.of("meal seats 2001", facilityRegistered("f-1").set("data.mealSeats", 2001)),
                Arguments.of("unknown kind", facilityRegistered("f-1").set("data.kind", "HOSPITAL")),
                Arguments.of("blank name", facilityRegistered("f-1").set("data.name", " ")),
                Arguments.of("long name", facilityRegistered("f-1").set("data.name", "驿".repeat(201))),
                Arguments.of("5-digit district", facilityRegistered("f-1").set("data.districtCode", "11010")),
                Arguments.of("8-digit street", facilityRegistered("f-1").set("data.streetCode", "11010900")),
                Arguments.of("lat in Shanghai", facilityRegistered("f-1").set("data.location.lat", 31.2)),
                Arguments.of("no lon", facilityRegistered("f-1").remove("data.location.lon")),
                Arguments.of("unknown status", facilityRegistered("f-1").set("data.status", "OPEN")),
                Arguments.of("2001 meals", mealServed("f-1", 2001, "LUNCH")),
                Arguments.of("supper", mealServed("f-1", 1, "SUPPER")),
                Arguments.of(
                        "certified as text", caregiverHired("cg-1", "f-1", true).set("data.certified", "yes")),
                Arguments.of("duration 0", serviceDelivered("r-1", "f-1").set("data.durationMinutes", 0)),
                Arguments.of("duration 1441", serviceDelivered("r-1", "f-1").set("data.durationMinutes", 1441)),
                Arguments.of("gender X", serviceDelivered("r-1", "f-1").set("data.recipient.gender", "X")),
                Arguments.of(
                        "short birth date", serviceDelivered("r-1", "f-1").set("data.recipient.birthDate", "1945-3-2")),
                Arguments.of("long phone", serviceDelivered("r-1", "f-1").set("data.recipient.phone", "1".repeat(33))),
                Arguments.of(
                        "long address", serviceDelivered("r-1", "f-1").set("data.recipient.address", "路".repeat(501))),
                Arguments.of("name only", nameOnly()),
                Arguments.of("unknown service", serviceDelivered("r-1", "f-1").set("data.serviceType", "MASSAGE")),
                Arguments.of("no residents", populationUpdated(TestStreets.STREET, 0, 0)),
                Arguments.of("negative elderly", populationUpdated(TestStreets.STREET, 10, -1)),
                Arguments.of(
                        "year 1948",
                        populationUpdated(TestStreets.STREET, 10, 1).set("data.year", 1948)));
    }

    private static EventJson nameOnly() {
        EventJson event = serviceDelivered("r-1", "f-1");
        Stream.of("idNumber", "phone", "gender", "birthDate", "address", "location")
                .forEach(field -> event.remove("data.recipient." + field));
        return event;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void rejectsEachExpressibleBreachInBoth(String breach, EventJson event) {
        assertThat(Judge.errorsOf(event)).as("validator").isNotEmpty();
        assertThat(schemaErrors(event)).as("schema").isNotEmpty();
    }
}
