package org.eldercare.benchmark.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsBothSpellingsAndFallsBackToDefaults() {
        Options options = Options.parse(new String[] {"--batch", "1", "--duration=PT2S", "--keep-data"});

        assertThat(options.integer("batch", 1000)).isEqualTo(1);
        assertThat(options.duration("duration", Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.duration("warmup", Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.flag("keep-data")).isTrue();
    }

    @Test
    void acceptsSecondsAndGroupedNumbers() {
        Options options = Options.parse(new String[] {"--warmup", "2.5", "--records", "1_000_000"});

        assertThat(options.duration("warmup", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.integer("records", 0)).isEqualTo(1_000_000);
    }

    @Test
    void rejectsAnOptionNoBenchmarkReads() {
        Options options = Options.parse(new String[] {"--bacth", "1"});
        options.integer("batch", 1000);

        assertThatThrownBy(options::requireAllKnown).hasMessageContaining("unknown option(s) [bacth]");
    }

    @Test
    void namesTheOptionWhenANumberIsMalformed() {
        Options options = Options.parse(new String[] {"--events", "lots"});

        assertThatThrownBy(() -> options.integer("events", 1))
                .hasMessage("--events: must be a whole number, was 'lots'");
    }
}
