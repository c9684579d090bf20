package org.eldercare.benchmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static Latencies millis(long... values) {
        Latencies latencies = new Latencies();
        for (long v : values) {
            latencies.record(v * 1_000_000);
        }
        return latencies;
    }

    @Test
    void givesNearestRankPercentilesInMilliseconds() {
        Latencies latencies = new Latencies();
        for (long ms = 100; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000);
        }

        assertThat(latencies.millisAt(0.50)).isEqualTo(50.0);
        assertThat(latencies.millisAt(0.99)).isEqualTo(99.0);
        assertThat(latencies.millisAt(1.0)).isEqualTo(100.0);
    }

    @Test
    void keepsSamplesRecordedAfterAPercentileWasRead() {
        Latencies latencies = millis(5, 1);
        assertThat(latencies.millisAt(1.0)).isEqualTo(5.0);

        latencies.record(9_000_000);

        assertThat(latencies.millisAt(1.0)).isEqualTo(9.0);
        assertThat(latencies.count()).isEqualTo(3);
    }

    @Test
    void growsBeyondItsFirstArray() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 40_000; i++) {
            latencies.record(i);
        }

        assertThat(latencies.count()).isEqualTo(40_000);
    }

    @Test
    void isNotANumberWhenEmpty() {
        assertThat(new Latencies().millisAt(0.99)).isNaN();
    }
}
