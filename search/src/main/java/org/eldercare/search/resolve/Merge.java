package org.eldercare.search.resolve;

import java.time.Instant;
import java.util.List;

/**
 * Two persons found to be one: {@code mergedId} now redirects to {@code keptId}, the older of the two.
 *
 * @param at the start time of the record that linked them
 * @param causedBy the fields on which that record agreed with the younger person
 */
public record Merge(String keptId, String mergedId, Instant at, List<String> causedBy) {

    public Merge {
        causedBy = List.copyOf(causedBy);
    }
}
