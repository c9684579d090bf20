package org.eldercare.tools.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.MealType;

/**
 * The shape of a day in Beijing time: day-care beds fill in the morning and empty in the evening,
 * institutions stay mostly full, meals come at meal times, shifts change morning and evening.
 */
final class DayRhythm {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private DayRhythm() {}

    static double hour(OffsetDateTime at) {
        ZonedDateTime local = at.atZoneSameInstant(BEIJING);
        return local.getHour() + local.getMinute() / 60.0;
    }

    /** The share of a facility's beds taken at this hour. */
    static double occupancy(FacilityKind kind, double hour) {
        return switch (kind) {
            case INSTITUTION -> 0.78 + 0.04 * Math.sin(hour / 24 * 2 * Math.PI);
            case CARE_CENTER -> 0.45 + 0.35 * dayCare(hour);
            case CARE_STATION -> 0.1 + 0.75 * dayCare(hour);
            case MEAL_TABLE -> 0;
        };
    }

    /** 0 at night, rising 7:00-10:00, 1 until 15:00, falling to 0 by 19:00. */
    static double dayCare(double hour) {
        if (hour < 7 || hour >= 19) {
            return 0;
        }
        if (hour < 10) {
            return (hour - 7) / 3;
        }
        return hour < 15 ? 1 : (19 - hour) / 4;
    }

    static Optional<MealType> mealTime(double hour) {
        if (hour >= 6.5 && hour < 8.5) {
            return Optional.of(MealType.BREAKFAST);
        }
        if (hour >= 11 && hour < 13) {
            return Optional.of(MealType.LUNCH);
        }
        return hour >= 17 && hour < 19 ? Optional.of(MealType.DINNER) : Optional.empty();
    }

    static boolean shiftStarts(double hour) {
        return hour >= 6 && hour < 10;
    }

    static boolean shiftEnds(double hour) {
        return hour >= 16 && hour < 21;
    }

    static boolean daytime(double hour) {
        return hour >= 8 && hour < 20;
    }
}
