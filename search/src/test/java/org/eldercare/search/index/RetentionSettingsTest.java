package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.eldercare.ingest.config.Settings;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void defaultsAreTheContractsPeriods() {
        // docs/CONTRACT.md §6.8
        assertThat(RetentionSettings.rules(Settings.none()))
                .extracting(IndexRetention.Rule::index, IndexRetention.Rule::keep)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rejections", Duration.ofDays(30)),
                        org.assertj.core.groups.Tuple.tuple("audit", Duration.ofDays(730)),
                        org.assertj.core.groups.Tuple.tuple("indicator-history", Duration.ofDays(400)),
                        org.assertj.core.groups.Tuple.tuple("work-orders", Duration.ofDays(400)),
                        org.assertj.core.groups.Tuple.tuple("calls", Duration.ofDays(400)),
                        org.assertj.core.groups.Tuple.tuple("incidents", Duration.ofDays(400)),
                        org.assertj.core.groups.Tuple.tuple("visits", Duration.ofDays(400)),
                        org.assertj.core.groups.Tuple.tuple("family-codes", Duration.ofDays(30)),
                        org.assertj.core.groups.Tuple.tuple("devices", Duration.ofDays(400)));
        assertThat(RetentionSettings.rules(Settings.none()))
                .as("open incidents and orders have no end time, so no rule can match them")
                .filteredOn(r -> r.index().equals("incidents") || r.index().equals("work-orders"))
                .flatExtracting(IndexRetention.Rule::timeFields)
                .containsExactly("closedAt", "resolvedAt");
        assertThat(RetentionSettings.rules(Settings.none()))
                .as("a device is aged by its unbinding, and only while it is unbound")
                .filteredOn(r -> r.index().equals("devices"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.timeFields()).containsExactly("unboundAt", "statusSince");
                    assertThat(r.only()).containsExactly(Map.entry("status", "UNBOUND"));
                });
        assertThat(RetentionSettings.rules(Settings.none()))
                .filteredOn(r -> !r.index().equals("devices"))
                .allSatisfy(r -> assertThat(r.only()).isEmpty());
        assertThat(RetentionSettings.SWEEP_EVERY.defaultValue()).isEqualTo(Duration.ofHours(1));
        assertThat(RetentionSettings.FIRST_SWEEP_AFTER.defaultValue()).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetentionSettings.ENABLED.key()).isEqualTo(RetentionSettings.ENABLED_KEY);
    }

    @Test
    void refusesANonPositiveRetentionNamingTheKey() {
        assertThatThrownBy(() -> RetentionSettings.rules(Settings.of(Map.of("eldercare.retention.audit", "PT0S"))))
                .hasMessageStartingWith("eldercare.retention.audit: must be positive");
        assertThat(RetentionSettings.rules(Settings.of(Map.of("eldercare.retention.rejections", "P7D")))
                        .getFirst()
                        .keep())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(
                        () -> RetentionSettings.rules(Settings.of(Map.of("eldercare.retention.family-codes", "-P1D"))))
                .hasMessageStartingWith("eldercare.retention.family-codes: must be positive");
    }
}
