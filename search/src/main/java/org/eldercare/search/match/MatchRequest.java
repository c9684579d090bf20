package org.eldercare.search.match;

import java.time.LocalDate;
import org.eldercare.ingest.event.GeoPoint;

/**
 * The body of {@code POST /api/v1/recipients/match}. Only {@code name} is required. {@code toString()} never shows
 * the identity or phone number.
 */
public record MatchRequest(
        String name,
        String idNumber,
        String phone,
        LocalDate birthDate,
        String gender,
        String address,
        GeoPoint location) {

    @Override
    public String toString() {
        return "MatchRequest[name=" + name + ", idNumber=" + (idNumber == null ? "absent" : "redacted") + ", phone="
                + (phone == null ? "absent" : "redacted") + ", birthYear="
                + (birthDate == null ? null : birthDate.getYear()) + ", gender=" + gender + "]";
    }
}
