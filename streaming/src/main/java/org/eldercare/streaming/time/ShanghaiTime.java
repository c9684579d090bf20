package org.eldercare.streaming.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Calendar arithmetic in Asia/Shanghai, where the contract's "day" of an event lives. Days are
 * carried as epoch days and instants as epoch milliseconds, so state stays primitive.
 */
public final class ShanghaiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ShanghaiTime() {}

    public static long epochDay(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate().toEpochDay();
    }

    public static long epochDay(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate().toEpochDay();
    }

    /** The first instant of the day after the one holding {@code epochMillis}. */
    public static long nextMidnight(long epochMillis) {
        LocalDate tomorrow = LocalDate.ofEpochDay(epochDay(epochMillis) + 1);
        return tomorrow.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** The first instant of the minute after the one holding {@code epochMillis}. */
    public static long nextMinute(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L) * 60_000L + 60_000L;
    }

    /** {@code epochMillis} as an RFC 3339 time with the +08:00 offset. */
    public static OffsetDateTime at(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZONE);
    }

    /** The local minute, like {@code 2026-11-23T09:15}. */
    public static String minute(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).format(MINUTE);
    }
}
