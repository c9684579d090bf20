package org.eldercare.benchmark.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchBenchmarkTest {

    private static final String SCRAPE = """
            # HELP eldercare_audit_write_seconds Latency of writing one audit entry
            # TYPE eldercare_audit_write_seconds summary
            eldercare_audit_write_seconds{application="eldercare",quantile="0.5"} 0.004063232
            eldercare_audit_write_seconds{application="eldercare",quantile="0.99"} 0.019922944
            eldercare_audit_write_seconds_count{application="eldercare"} 1300
            eldercare_recipients_match_seconds{application="eldercare",quantile="0.5"} 0.0115
            """;

    @Test
    void readsATimersQuantileFromThePrometheusTextInMillis() {
        assertThat(MatchBenchmark.quantile(SCRAPE, "eldercare_audit_write_seconds", "0.99"))
                .isEqualTo("19.9 ms");
        assertThat(MatchBenchmark.quantile(SCRAPE, "eldercare_recipients_match_seconds", "0.5"))
                .isEqualTo("11.5 ms");
    }

    @Test
    void saysSoWhenTheAppDoesNotPublishTheQuantile() {
        assertThat(MatchBenchmark.quantile(SCRAPE, "eldercare_recipients_match_seconds", "0.99"))
                .isEqualTo("?");
    }

    @Test
    void readsEachStepOfServerTimingInMillis() {
        assertThat(MatchBenchmark.serverTiming("match;dur=12.3, audit;dur=4.1, cache;desc=\"miss\""))
                .containsExactly(entry("match", 12.3), entry("audit", 4.1));
    }

    @Test
    void splitsTheSlowestHundredthIntoMatchAuditAndTheRest() {
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < 198; i++) {
            samples.add(new double[] {20, 10, 5});
        }
        samples.add(new double[] {90, 60, 10});
        samples.add(new double[] {70, 20, 30});

        assertThat(MatchBenchmark.slowestSplit(samples))
                .isEqualTo(
                        "2 slowest: mean 80.0 ms = match 40.0 + audit write 20.0 + HTTP, security, JSON and waiting 20.0");
    }
}
