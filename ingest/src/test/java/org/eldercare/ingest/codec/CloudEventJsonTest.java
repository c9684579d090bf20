package org.eldercare.ingest.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;
import org.eldercare.ingest.fixtures.EventJson;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventJsonTest {

    private static final EventReader READER = new EventReader(new TestStreets(), Events.CLOCK);

    static EventJson[] oneOfEachType() {
        return Events.oneOfEachType();
    }

    private static CareEvent read(byte[] json) {
        ReadResult result = READER.read(json);
        assertThat(result).isInstanceOf(ReadResult.Valid.class);
        return ((ReadResult.Valid) result).event();
    }

    private static JsonNode tree(CareEvent event) throws Exception {
        return CloudEventJson.mapper().readTree(CloudEventJson.write(event));
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void readsBackEveryTypeItWrites(EventJson fixture) {
        CareEvent event = read(fixture.bytes());

        assertThat(read(CloudEventJson.write(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void writesTheDataItWasGiven(EventJson fixture) throws Exception {
        CareEvent event = read(fixture.bytes());

        assertThat(tree(event)).isEqualTo(CloudEventJson.mapper().readTree(fixture.json()));
    }

    @Test
    void writesAStructuredCloudEvent() throws Exception {
        var event = new CareEvent(
                "e-1",
                "/operators/op-1",
                EventType.BED_OCCUPIED,
                Events.NOW.minusMinutes(1),
                new BedsChanged("f-1", 2));

        assertThat(CloudEventJson.writeString(event))
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/operators/op-1\","
                        + "\"type\":\"bed.occupied\",\"time\":\"2026-11-23T09:59:00+08:00\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"facilityId\":\"f-1\",\"count\":2}}");
    }

    @Test
    void omitsAbsentOptionalFields() throws Exception {
        var event = new CareEvent(
                "e-1",
                "/operators/op-1",
                EventType.MEAL_SERVED,
                OffsetDateTime.parse("2026-11-23T01:59:00.25Z"),
                new MealServed("f-1", 1, MealType.BREAKFAST, null));

        JsonNode json = tree(event);

        assertThat(json.get("data").has("recipientId")).isFalse();
        assertThat(json.get("time").asText()).isEqualTo("2026-11-23T01:59:00.25Z");
    }

    @Test
    void keepsCharactersBeyondTheBasicPlane() {
        CareEvent event =
                read(Events.facilityRegistered("f-1").set("data.name", "𠀀养老驿站").bytes());

        assertThat(CloudEventJson.writeString(event)).contains("𠀀养老驿站");
        assertThat(read(CloudEventJson.write(event))).isEqualTo(event);
    }
}
