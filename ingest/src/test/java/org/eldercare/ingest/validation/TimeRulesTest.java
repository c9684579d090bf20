package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.NOW;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeRulesTest {

    @Test
    void acceptsATimeFiveMinutesAhead() {
        valid(bedOccupied("f-1", 1).time(NOW.plusMinutes(5)));
    }

    @Test
    void rejectsATimeMoreThanFiveMinutesAhead() {
        assertThat(errorsOf(bedOccupied("f-1", 1).time(NOW.plusMinutes(5).plusSeconds(1))))
                .containsExactly("time: must be at most 5 minutes in the future");
    }

    @Test
    void acceptsATimeSevenDaysAgo() {
        valid(bedOccupied("f-1", 1).time(NOW.minusDays(7)));
    }

    @Test
    void rejectsATimeOlderThanTheDedupHorizonNamingTheRule() {
        String rule = "time: must be at most 7 days in the past (the dedup horizon, docs/CONTRACT.md §6.2)";
        assertThat(errorsOf(
                        bedOccupied("f-1", 1).time(NOW.minus(Duration.ofDays(7).plusSeconds(1)))))
                .containsExactly(rule);
        assertThat(errorsOf(bedOccupied("f-1", 1).time(NOW.minusDays(10)))).containsExactly(rule);
        assertThat(errorsOf(bedOccupied("f-1", 1).set("time", "1970-01-01T00:00:00Z")))
                .containsExactly(rule);
    }

    @Test
    void keepsTheOffsetTheEventCameWith() {
        var time = NOW.withOffsetSameInstant(ZoneOffset.UTC).minusMinutes(3);

        assertThat(valid(bedOccupied("f-1", 1).time(time)).time()).isEqualTo(time);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T09:59:00+08:00",
                "2026-11-23T01:59:00Z",
                "2026-11-23t01:59:00z",
                "2026-11-23T01:59:00.123456789Z",
                "2026-11-22T20:59:00-05:00"
            })
    void acceptsRfc3339Times(String time) {
        valid(bedOccupied("f-1", 1).set("time", time));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T09:59:00",
                "2026-11-23T09:59+08:00",
                "2026-11-23",
                "2026-11-23 09:59:00+08:00",
                "2026-02-30T09:59:00+08:00",
                "2026-11-23T24:00:00+08:00",
                "2026-11-23T09:59:00+0800",
                "1764000000"
            })
    void rejectsTimesThatAreNoRfc3339WithOffset(String time) {
        assertThat(errorsOf(bedOccupied("f-1", 1).set("time", time)))
                .containsExactly("time: must be an RFC 3339 date-time with offset, like 2026-11-23T10:15:30+08:00");
    }

    @Test
    void rejectsATimeThatIsNoString() {
        assertThat(errorsOf(bedOccupied("f-1", 1).set("time", 1764000000))).containsExactly("time: must be a string");
    }
}
