package org.eldercare.streaming.facility;

import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * A facility's complete current state, as written to the {@code facilities} index and counted into
 * its street and district. {@code previousStreetCode}/{@code previousDistrictCode} name scopes the
 * facility was last counted in and has since left (null when unchanged), so they can drop it.
 */
public record FacilityContribution(
        FacilitySnapshot facility,
        CaregiverCounts caregivers,
        String previousStreetCode,
        String previousDistrictCode,
        long emittedAt) {

    public String facilityId() {
        return facility.facilityId();
    }

    /** What the scope aggregation needs of this facility. */
    public FacilityTotals totals() {
        FacilitySnapshot f = facility;
        return new FacilityTotals(
                f.kind(),
                f.operating(),
                f.beds(),
                f.occupiedBeds(),
                caregivers.caregivers(),
                caregivers.certified(),
                caregivers.onDuty(),
                f.mealsDay(),
                f.mealsServed(),
                f.servicesDay(),
                f.servicesDelivered(),
                f.nursingBeds());
    }

    public FacilityDocument document() {
        FacilitySnapshot f = facility;
        return new FacilityDocument(
                f.facilityId(),
                f.operatorId(),
                f.name(),
                f.kind() == null ? null : f.kind().name(),
                f.districtCode(),
                f.streetCode(),
                f.location(),
                f.beds(),
                f.occupiedBeds(),
                Math.max(0, f.beds() - f.occupiedBeds()),
                f.mealSeats(),
                f.status() == null ? null : f.status().name(),
                caregivers.caregivers(),
                caregivers.onDuty(),
                ShanghaiTime.at(f.lastEventAt()),
                ShanghaiTime.at(emittedAt),
                f.nursingBeds());
    }

    public boolean isKind(FacilityKind kind) {
        return facility.kind() == kind;
    }
}
