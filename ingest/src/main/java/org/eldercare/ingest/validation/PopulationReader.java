package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.ZoneId;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.PopulationUpdated;

/** {@code population.updated}: a planner's figures for one street. */
final class PopulationReader {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RegionCodes regions;

    PopulationReader(RegionCodes regions) {
        this.regions = regions;
    }

    EventData read(Fields data, Instant now) {
        String streetCode = regions.street(data, "streetCode");
        int errorsBefore = data.errorCount();
        long residents = data.integer("residents", 1, Long.MAX_VALUE, true, 0);
        long elderly60 = data.integer("elderly60", 0, Long.MAX_VALUE, true, 0);
        if (data.errorCount() == errorsBefore && elderly60 > residents) {
            data.error("elderly60", "must be between 0 and residents (" + residents + ")");
        }
        int nextYear = now.atZone(BEIJING).getYear() + 1;
        int year = (int) data.integer("year", Limits.FIRST_POPULATION_YEAR, nextYear, true, 0);
        return data.clean() ? new PopulationUpdated(streetCode, residents, elderly60, year) : null;
    }
}
