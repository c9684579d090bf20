package org.eldercare.ingest.event;

import java.time.LocalDate;

/**
 * The person a service was delivered to, as the operator typed it. Only {@code name} is always
 * present; every other field may be null. Holds full identifiers: never log or return it as is, and never
 * write it anywhere: at rest it is a {@link SealedRecipient} (docs/CONTRACT.md §6.7).
 */
public record Recipient(
        String name,
        String idNumber,
        String phone,
        String gender,
        LocalDate birthDate,
        String address,
        GeoPoint location)
        implements RecipientData {

    @Override
    public String toString() {
        return "Recipient[name=" + name + ", identifiers redacted]";
    }
}
