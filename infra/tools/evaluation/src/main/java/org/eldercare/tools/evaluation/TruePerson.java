package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.Street;

/**
 * A synthetic person of the evaluation set, as they really are. {@code phones} holds the numbers in the order the
 * person used them (a second one means they changed phone). Synthetic data: the numbers are made up.
 *
 * @param kind {@code person}, or the hard case the person was made as: {@code spouse}, {@code twin}, {@code
 *     namesake} (anywhere), {@code neighbour} (a namesake in the same street), {@code absent}
 * @param relativeId the truth id of the person the hard case was made from (partner, twin, namesake), or null
 */
record TruePerson(
        String truthId,
        String name,
        String gender,
        LocalDate birthDate,
        String idNumber,
        List<String> phones,
        Street street,
        String addressLine,
        GeoPoint home,
        String kind,
        String relativeId) {

    @Override
    public String toString() {
        return "TruePerson[" + truthId + ", " + kind + "]";
    }
}
