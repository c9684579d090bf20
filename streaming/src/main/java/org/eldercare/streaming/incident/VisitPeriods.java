package org.eldercare.streaming.incident;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The periods of the missed-visit rule (docs/CONTRACT.md §9.4): a service's {@code frequency} in the district's list
 * (§7.3) gives {@code MONTHLY} calendar months ({@code 2026-11}) and {@code YEARLY} calendar years ({@code 2026}) in
 * Asia/Shanghai; {@code CONTINUOUS} and {@code ONCE} have none.
 */
public final class VisitPeriods {

    private VisitPeriods() {}

    /**
     * One period: its id as the incident id's occurrence uses it, and its first and last day.
     *
     * @param id {@code yyyy-MM} or {@code yyyy}
     */
    public record Period(String id, LocalDate first, LocalDate last) {

        /** The midnight that ends the period, epoch milliseconds. */
        public long endMillis() {
            return midnight(last.plusDays(1));
        }

        /** The midnight {@code graceDays} after the period ends: when it is judged. */
        public long judgedAt(int graceDays) {
            return midnight(last.plusDays(1L + graceDays));
        }

        public boolean holds(long epochDay) {
            return epochDay >= first.toEpochDay() && epochDay <= last.toEpochDay();
        }
    }

    /** The period of {@code frequency} holding {@code day}, or null when the frequency is not periodic. */
    public static Period of(String frequency, LocalDate day) {
        if ("MONTHLY".equals(frequency)) {
            YearMonth month = YearMonth.from(day);
            return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
        }
        if ("YEARLY".equals(frequency)) {
            Year year = Year.from(day);
            return new Period(year.toString(), year.atDay(1), year.atMonth(12).atEndOfMonth());
        }
        return null;
    }

    /** The period with this id ({@link Period#id()}). */
    public static Period parse(String id) {
        return id.length() == 4
                ? of("YEARLY", Year.parse(id).atDay(1))
                : of("MONTHLY", YearMonth.parse(id).atDay(1));
    }

    private static long midnight(LocalDate day) {
        return day.atStartOfDay(ShanghaiTime.ZONE).toInstant().toEpochMilli();
    }
}
