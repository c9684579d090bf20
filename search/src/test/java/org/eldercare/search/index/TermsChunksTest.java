package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TermsChunksTest {

    @Test
    void cutsTwoThousandAndOneDigestsIntoThreeQueriesKeepingTheirOrder() {
        List<String> digests =
                IntStream.range(0, 2_001).mapToObj(i -> "digest-" + i).toList();

        List<List<FieldValue>> chunks = TermsChunks.of(digests);

        assertThat(chunks).extracting(List::size).containsExactly(1_000, 1_000, 1);
        assertThat(chunks.get(1).getFirst().stringValue()).isEqualTo("digest-1000");
        assertThat(chunks.get(2).getFirst().stringValue()).isEqualTo("digest-2000");
    }

    @Test
    void asksNothingForNoValues() {
        assertThat(TermsChunks.of(List.of())).isEmpty();
    }
}
