package org.eldercare.benchmark.match;

import static org.assertj.core.api.Assertions.assertThat;

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
}
