package org.eldercare.tools.simulator;

import java.time.LocalDate;
import org.eldercare.ingest.event.GeoPoint;

/**
 * A simulated elderly resident as the truth knows them. What an operator types about them is a
 * {@link org.eldercare.ingest.event.Recipient}, possibly noisy. Holds full identifiers: never log it.
 */
record Person(
        String name,
        String idNumber,
        String phone,
        String gender,
        LocalDate birthDate,
        String address,
        GeoPoint home,
        String streetCode) {

    @Override
    public String toString() {
        return "Person[name=" + name + ", streetCode=" + streetCode + ", identifiers redacted]";
    }
}
