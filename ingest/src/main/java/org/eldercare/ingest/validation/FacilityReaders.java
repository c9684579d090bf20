package org.eldercare.ingest.validation;

import java.time.Instant;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.FacilityStatusChanged;
import org.eldercare.ingest.event.GeoPoint;

/** {@code facility.registered}, {@code facility.updated} and {@code facility.status.changed}. */
final class FacilityReaders {

    static final Choice<FacilityKind> KINDS = Choice.of(FacilityKind.class);
    static final Choice<FacilityStatus> STATUSES = Choice.of(FacilityStatus.class);

    private final RegionCodes regions;

    FacilityReaders(RegionCodes regions) {
        this.regions = regions;
    }

    EventData details(Fields data, Instant now) {
        String facilityId = data.code("facilityId", true);
        FacilityKind kind = data.choice("kind", KINDS, null);
        String name = data.text("name", Limits.NAME_MAX, true);
        String districtCode = regions.district(data, "districtCode");
        String streetCode = regions.streetIn(data, "streetCode", districtCode);
        GeoPoint location = data.location("location", true);
        int beds = data.requiredInt("beds", 0, Limits.BEDS_MAX);
        int mealSeats = data.optionalInt("mealSeats", 0, Limits.MEAL_SEATS_MAX, 0);
        FacilityStatus status = data.choice("status", STATUSES, FacilityStatus.OPERATING);
        int nursingBeds = nursingBeds(data, beds);
        return data.clean()
                ? new FacilityDetails(
                        facilityId,
                        kind,
                        name,
                        districtCode,
                        streetCode,
                        location,
                        beds,
                        mealSeats,
                        status,
                        nursingBeds)
                : null;
    }

    /** Nursing-type beds (docs/CONTRACT.md §8.3): part of {@code beds}, so never more than the same event's beds. */
    private static int nursingBeds(Fields data, int beds) {
        int nursingBeds = data.optionalInt("nursingBeds", 0, Limits.BEDS_MAX, 0);
        // Compared only with beds as sent: an invalid beds already has its own error.
        var sentBeds = data.node("beds");
        boolean bedsValid = sentBeds != null && sentBeds.isNumber() && sentBeds.doubleValue() == beds;
        if (bedsValid && nursingBeds > beds) {
            data.error("nursingBeds", "must be at most beds (" + beds + ")");
        }
        return nursingBeds;
    }

    static EventData statusChanged(Fields data, Instant now) {
        String facilityId = data.code("facilityId", true);
        FacilityStatus status = data.choice("status", STATUSES, null);
        return data.clean() ? new FacilityStatusChanged(facilityId, status) : null;
    }
}
