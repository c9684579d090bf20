package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.facilityRegistered;
import static org.eldercare.ingest.fixtures.Events.serviceDelivered;
import static org.eldercare.ingest.validation.Judge.READER;
import static org.eldercare.ingest.validation.Judge.errorsOf;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eldercare.ingest.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedInputTest {

    private static ReadResult.Invalid invalid(String json) {
        ReadResult result = READER.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ReadResult.Invalid.class);
        return (ReadResult.Invalid) result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"bed.occupied\"", "42", "null", "true", "", "   "})
    void rejectsJsonThatIsNoObject(String json) {
        assertThat(invalid(json))
                .isEqualTo(new ReadResult.Invalid(null, null, null, java.util.List.of("$: must be a JSON object")));
    }

    @Test
    void rejectsBytesThatAreNoJsonAndSaysWhere() {
        assertThat(invalid("{\"id\": \"e-1\",\n \"type\": bed}").errors())
                .containsExactly("$: must be a JSON object (not valid JSON at line 2, column 10)");
    }

    @Test
    void rejectsTrailingContentAfterTheObject() {
        assertThat(invalid(bedOccupied("f-1", 1).json() + " {}").errors())
                .singleElement()
                .asString()
                .startsWith("$: must be a JSON object (not valid JSON");
    }

    @Test
    void rejectsNullBytes() {
        assertThat(READER.read((byte[]) null)).isInstanceOf(ReadResult.Invalid.class);
        assertThat(READER.read((com.fasterxml.jackson.databind.JsonNode) null)).isInstanceOf(ReadResult.Invalid.class);
    }

    @Test
    void neverQuotesTheInputWhenTheJsonIsBroken() {
        String errors = String.join("\n", invalid("{\"phone\": 13812345678x}").errors());

        assertThat(errors).doesNotContain("13812345678");
    }

    @Test
    void rejectsHugeStringsWithAClearError() {
        String huge = "驿".repeat(2_000_000);

        assertThat(errorsOf(facilityRegistered("f-1").set("data.name", huge)))
                .containsExactly("data.name: must be 1 to 200 characters");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.facilityId", huge)))
                .containsExactly("data.facilityId: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
        assertThat(errorsOf(serviceDelivered("r-1", "f-1").set("data.recipient.idNumber", huge)))
                .containsExactly("data.recipient.idNumber: must be 1 to 32 characters");
    }

    @Test
    void rejectsStringsWithUnpairedSurrogates() {
        assertThat(invalid(facilityRegistered("f-1").json().replace("大峪街道", "\\ud840"))
                        .errors())
                .containsExactly("data.name: must be valid Unicode text");
    }

    @Test
    void namesEachFieldOfTheWrongJsonType() {
        var event = facilityRegistered("f-1")
                .set("data.facilityId", 1)
                .set("data.kind", false)
                .set("data.beds", "twenty")
                .set("data.location", 39.9);

        assertThat(errorsOf(event))
                .containsExactly(
                        "data.facilityId: must be a string",
                        "data.kind: must be a string",
                        "data.location: must be an object",
                        "data.beds: must be an integer");
    }

    @Test
    void neverThrowsOnMangledEvents() {
        Random random = new Random(7);
        byte[][] seeds = java.util.Arrays.stream(Events.oneOfEachType())
                .map(e -> e.bytes())
                .toArray(byte[][]::new);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = seeds[i % seeds.length].clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            assertThat(READER.read(bytes)).isNotNull();
        }
    }
}
