package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {

    @Test
    void backoffDoublesFromAHundredMillisAndCapsAtTenSeconds() {
        assertThat(DocumentWriter.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(DocumentWriter.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(DocumentWriter.backoff(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(DocumentWriter.backoff(DocumentWriter.MAX_ATTEMPTS + 20)).isEqualTo(Duration.ofSeconds(10));
    }
}
