package org.eldercare.ingest.event;

import java.util.List;

/**
 * {@code person.registered} and {@code person.updated}: every field of one person in a civil-affairs register
 * (docs/CONTRACT.md §7.2). The {@code identity} holds the person's name and identifiers; {@link #recipient()} adds
 * the register's address and location to it in the shape of a service record's recipient, so that the same
 * resolution joins the two. Holds full identifiers: never log or return it as is.
 *
 * @param disabilityCertificateLevel 1 (most severe) to 4, or null without a certificate
 */
public record PersonDetails(
        String personId,
        Recipient identity,
        String address,
        GeoPoint location,
        String districtCode,
        String streetCode,
        LivingArrangement livingArrangement,
        List<Benefit> benefits,
        Integer disabilityCertificateLevel)
        implements EventData {

    public PersonDetails {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }

    /** The identity with the register's address and location, as a service record's recipient would hold them. */
    public Recipient recipient() {
        return new Recipient(
                identity.name(),
                identity.idNumber(),
                identity.phone(),
                identity.gender(),
                identity.birthDate(),
                address,
                location);
    }

    /** The Kafka key of every register event about this person. */
    public static String partitionKeyOf(String personId) {
        return "person/" + personId;
    }

    @Override
    public String partitionKey() {
        return partitionKeyOf(personId);
    }

    @Override
    public String toString() {
        return "PersonDetails[personId=" + personId + ", streetCode=" + streetCode + ", identity redacted]";
    }
}
