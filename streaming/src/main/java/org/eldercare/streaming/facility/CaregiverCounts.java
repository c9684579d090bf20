package org.eldercare.streaming.facility;

import org.eldercare.streaming.caregiver.CaregiverDelta;

/** A facility's caregivers as the registry counts them; never below zero. */
public record CaregiverCounts(long caregivers, long certified, long onDuty) {

    public static final CaregiverCounts NONE = new CaregiverCounts(0, 0, 0);

    CaregiverCounts plus(CaregiverDelta d) {
        return new CaregiverCounts(
                Math.max(0, caregivers + d.caregivers()),
                Math.max(0, certified + d.certified()),
                Math.max(0, onDuty + d.onDuty()));
    }
}
