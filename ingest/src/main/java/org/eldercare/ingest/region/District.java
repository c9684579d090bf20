package org.eldercare.ingest.region;

import java.util.List;

/**
 * A Beijing district (区) with its 2020 census residents and residents aged 60 or over.
 *
 * <p>{@code streets} is empty for districts whose streets are not in the reference data; {@code targets} is
 * empty for districts without a district plan. Both lists are unmodifiable.
 */
public record District(
        String code, String name, long residents, long elderly60, List<Street> streets, List<PlanTarget> targets) {

    public District {
        streets = List.copyOf(streets);
        targets = List.copyOf(targets);
    }
}
