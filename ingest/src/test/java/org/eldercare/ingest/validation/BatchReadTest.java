package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.bedReleased;
import static org.eldercare.ingest.fixtures.Events.mealServed;
import static org.eldercare.ingest.validation.Judge.READER;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eldercare.ingest.fixtures.Events;
import org.junit.jupiter.api.Test;

class BatchReadTest {

    private static BatchRead batch(String json) {
        return READER.readBatch(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void judgesEachEventOfABatchInOrder() {
        var body =
                Events.batch(bedOccupied("f-1", 2), bedReleased("f-1", 0).id("e-bad"), mealServed("f-1", 3, "LUNCH"));

        var results = ((BatchRead.Events) READER.readBatch(body)).results();

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(ReadResult.Valid.class);
        assertThat(results.get(1))
                .isEqualTo(new ReadResult.Invalid(
                        "e-bad", "/operators/op-1", "bed.released", List.of("data.count: must be between 1 and 500")));
        assertThat(results.get(2)).isInstanceOf(ReadResult.Valid.class);
    }

    @Test
    void rejectsAnElementThatIsNoObjectOnItsOwn() {
        var results = ((BatchRead.Events) batch("[42, " + bedOccupied("f-1", 1).json() + "]")).results();

        assertThat(results.get(0))
                .isEqualTo(new ReadResult.Invalid(null, null, null, List.of("$: must be a JSON object")));
        assertThat(results.get(1).isValid()).isTrue();
    }

    @Test
    void acceptsAnEmptyBatch() {
        assertThat(batch("[]")).isEqualTo(new BatchRead.Events(List.of()));
    }

    @Test
    void refusesABodyThatIsNoJson() {
        assertThat(batch("[{\"id\": "))
                .isInstanceOf(BatchRead.Malformed.class)
                .extracting(b -> ((BatchRead.Malformed) b).problem())
                .asString()
                .startsWith("the body is not valid JSON");
        assertThat(READER.readBatch(new byte[0])).isInstanceOf(BatchRead.Malformed.class);
        assertThat(READER.readBatch(null)).isInstanceOf(BatchRead.Malformed.class);
    }

    @Test
    void refusesABodyThatIsNoArray() {
        assertThat(batch(bedOccupied("f-1", 1).json()))
                .isEqualTo(new BatchRead.Malformed("the body must be a JSON array of events"));
    }
}
