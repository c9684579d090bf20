package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.sink.SinkFixtures.entry;
import static org.eldercare.streaming.sink.SinkFixtures.refused;
import static org.eldercare.streaming.sink.SinkFixtures.written;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkOutcomeTest {

    @Test
    void overloadedItemsAreSentAgainInTheirOrder() {
        List<BulkEntry> entries = List.of(entry("a", "{}"), entry("b", "{}"), entry("c", "{}"));

        BulkOutcome outcome = BulkOutcome.of(
                entries,
                List.of(refused("a", 429, "es_rejected_execution_exception"), written("b"), refused("c", 503, "x")));

        assertThat(outcome.written()).isEqualTo(1);
        assertThat(outcome.retry()).extracting(BulkEntry::id).containsExactly("a", "c");
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void mappingErrorsAreRejectedForGoodNotRetried() {
        List<BulkEntry> entries = List.of(entry("a", "{\"beds\":\"many\"}"), entry("b", "{}"));

        BulkOutcome outcome =
                BulkOutcome.of(entries, List.of(refused("a", 400, "document_parsing_exception"), written("b")));

        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.rejected())
                .singleElement()
                .asString()
                .startsWith("facilities/a: 400 document_parsing_exception");
    }

    @Test
    void anOlderVersionRefusedBeforeANewerOneOfTheSameIdIsNotSentAgain() {
        List<BulkEntry> entries = List.of(entry("a", "{\"v\":1}"), entry("a", "{\"v\":2}"));

        BulkOutcome outcome = BulkOutcome.of(entries, List.of(refused("a", 429, "x"), written("a")));

        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.superseded()).isEqualTo(1);
    }

    @Test
    void onlyTheNewestRefusedVersionIsSentAgain() {
        List<BulkEntry> entries = List.of(entry("a", "{\"v\":1}"), entry("a", "{\"v\":2}"));

        BulkOutcome outcome = BulkOutcome.of(entries, List.of(refused("a", 429, "x"), refused("a", 429, "x")));

        assertThat(outcome.retry())
                .singleElement()
                .satisfies(e -> assertThat(new String(e.json())).isEqualTo("{\"v\":2}"));
    }
}
