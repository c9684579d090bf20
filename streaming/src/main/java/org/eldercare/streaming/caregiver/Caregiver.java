package org.eldercare.streaming.caregiver;

/**
 * Where one caregiver is counted: {@code facilityId} where last hired (null once left), whether
 * certified, the event time of that hire, and {@code onDutyAt}, the facility of an open shift.
 */
public record Caregiver(String facilityId, boolean certified, long hiredAt, String onDutyAt) {

    boolean gone() {
        return facilityId == null && onDutyAt == null;
    }
}
