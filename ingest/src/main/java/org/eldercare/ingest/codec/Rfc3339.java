package org.eldercare.ingest.codec;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps ({@code 2026-11-23T10:15:30.5+08:00}) and full dates ({@code 2026-11-23}).
 *
 * <p>Parsing is hand-written: it runs for every event, must refuse a timestamp without offset or
 * seconds (which {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} would take), and answers {@code null}
 * instead of throwing, so bad input costs no exception.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Rfc3339() {}

    /** Always with seconds and offset, fraction only when non-zero. */
    public static String format(OffsetDateTime time) {
        return FORMAT.format(time);
    }

    /** The timestamp, or null unless {@code text} is an RFC 3339 date-time with offset. */
    public static OffsetDateTime parseDateTime(String text) {
        if (text == null || text.length() < 20 || text.length() > 35) {
            return null;
        }
        LocalDate date = parseDate(text.substring(0, 10));
        char t = text.charAt(10);
        if (date == null || (t != 'T' && t != 't') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int pos = 19;
        int nanos = 0;
        if (text.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            int count = pos - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count) * POWERS[9 - count];
        }
        ZoneOffset offset = offset(text, pos);
        return offset == null ? null : OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), offset);
    }

    /** The date, or null unless {@code text} is exactly {@code yyyy-MM-dd} and a real calendar day. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        return day > Month.of(month).length(Year.isLeap(year)) ? null : LocalDate.of(year, month, day);
    }

    private static ZoneOffset offset(String text, int pos) {
        int remaining = text.length() - pos;
        char c = remaining > 0 ? text.charAt(pos) : ' ';
        if ((c == 'Z' || c == 'z') && remaining == 1) {
            return ZoneOffset.UTC;
        }
        if ((c != '+' && c != '-') || remaining != 6 || text.charAt(pos + 3) != ':') {
            return null;
        }
        int hours = digits(text, pos + 1, 2);
        int minutes = digits(text, pos + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
            return null;
        }
        int sign = c == '-' ? -1 : 1;
        return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
    }

    private static final int[] POWERS = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    /** The number in {@code count} ASCII digits at {@code start}, or -1 if any is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
