package org.eldercare.ingest.event;

import java.util.List;

/**
 * {@code person.registered} and {@code person.updated}: every field of one person in a civil-affairs register
 * (docs/CONTRACT.md §7.2). The {@code identity} holds the person's name and identifiers in the shape of a service
 * record's recipient, so that the same resolution joins the two: raw as the office typed it, in memory only, or
 * sealed (§6.7), the form written to the events topic and passed through the job.
 *
 * @param disabilityCertificateLevel 1 (most severe) to 4, or null without a certificate
 */
public record PersonDetails(
        String personId,
        RecipientData identity,
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

    /** These details with {@code identity} in another form: sealed before writing, opened in memory. */
    public PersonDetails withIdentity(RecipientData other) {
        return new PersonDetails(
                personId,
                other,
                address,
                location,
                districtCode,
                streetCode,
                livingArrangement,
                benefits,
                disabilityCertificateLevel);
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
