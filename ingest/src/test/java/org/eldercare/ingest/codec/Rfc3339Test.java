package org.eldercare.ingest.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @Test
    void parsesTimestampsWithOffsetAndFraction() {
        assertThat(Rfc3339.parseDateTime("2026-11-23T10:15:30.5+08:00"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 23, 10, 15, 30, 500_000_000, ZoneOffset.ofHours(8)));
        assertThat(Rfc3339.parseDateTime("2024-02-29T23:59:59Z"))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.UTC));
        assertThat(Rfc3339.parseDateTime("2026-01-01T00:00:00-03:30").getOffset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T10:15:30",
                "2026-11-23T10:15+08:00",
                "2026-11-23T10:15:30.+08:00",
                "2026-11-23T10:15:30.1234567891+08:00",
                "2025-02-29T10:15:30Z",
                "2026-13-01T10:15:30Z",
                "2026-11-23T10:60:30Z",
                "2026-11-23T10:15:60Z",
                "2026-11-23T10:15:30+19:00",
                "2026-11-23T10:15:30+08:00 ",
                "+2026-11-23T10:15:30Z",
                "2026-11-23X10:15:30Z",
                "２０２６-11-23T10:15:30Z"
            })
    void refusesAnythingElse(String text) {
        assertThat(Rfc3339.parseDateTime(text)).isNull();
    }

    @Test
    void parsesCalendarDatesOnly() {
        assertThat(Rfc3339.parseDate("1945-03-02")).isEqualTo(LocalDate.of(1945, 3, 2));
        assertThat(Rfc3339.parseDate("1900-02-29")).isNull();
        assertThat(Rfc3339.parseDate("1945-3-2")).isNull();
        assertThat(Rfc3339.parseDate("1945-03-02T00:00:00Z")).isNull();
    }

    @Test
    void formatsWithSecondsEvenWhenTheyAreZero() {
        assertThat(Rfc3339.format(OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(8))))
                .isEqualTo("2026-11-23T10:00:00+08:00");
        assertThat(Rfc3339.format(OffsetDateTime.of(2026, 11, 23, 2, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-11-23T02:00:00Z");
    }
}
