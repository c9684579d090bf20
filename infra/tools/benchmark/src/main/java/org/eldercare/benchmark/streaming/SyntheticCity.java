package org.eldercare.benchmark.streaming;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;

/**
 * A city of any number of facilities spread over every reference street, for measuring state per facility (the
 * simulator's city is fixed at the districts' real ~260). Each facility: registered, {@value #CAREGIVERS} caregivers
 * hired (one certified), one of them on shift, some beds taken. Operators alternate between op-1 and op-2.
 */
final class SyntheticCity {

    static final int CAREGIVERS = 3;
    private static final FacilityKind[] KINDS = FacilityKind.values();

    private SyntheticCity() {}

    /** Events per facility, for reporting. */
    static int eventsPerFacility() {
        return 1 + CAREGIVERS + 1 + 1;
    }

    static List<CareEvent> events(int facilities, String runId, OffsetDateTime at) {
        List<Street> streets = Regions.load().districts().stream()
                .flatMap(d -> d.streets().stream())
                .toList();
        List<CareEvent> events = new ArrayList<>(facilities * eventsPerFacility());
        for (int i = 0; i < facilities; i++) {
            Street street = streets.get(i % streets.size());
            String id = "grid-" + i;
            String source = "/operators/op-" + (1 + i % 2);
            FacilityKind kind = KINDS[i % KINDS.length];
            int beds = kind == FacilityKind.MEAL_TABLE ? 0 : 10 + i % 90;
            GeoPoint at0 = street.centroid();
            FacilityDetails details = new FacilityDetails(
                    id,
                    kind,
                    "基准设施" + i,
                    street.districtCode(),
                    street.code(),
                    new GeoPoint(at0.lat() + (i % 7) * 0.001, at0.lon() + (i % 5) * 0.001),
                    beds,
                    20,
                    FacilityStatus.OPERATING);
            events.add(new CareEvent(runId + "-reg-" + i, source, EventType.FACILITY_REGISTERED, at, details));
            for (int c = 0; c < CAREGIVERS; c++) {
                String caregiver = id + "-cg-" + c;
                events.add(new CareEvent(
                        runId + "-hire-" + i + "-" + c,
                        source,
                        EventType.CAREGIVER_HIRED,
                        at,
                        new CaregiverHired(caregiver, id, c == 0)));
            }
            events.add(new CareEvent(
                    runId + "-shift-" + i,
                    source,
                    EventType.CAREGIVER_SHIFT_STARTED,
                    at,
                    new CaregiverChange(id + "-cg-0", id)));
            events.add(new CareEvent(
                    runId + "-beds-" + i,
                    source,
                    beds > 0 ? EventType.BED_OCCUPIED : EventType.MEAL_SERVED,
                    at,
                    beds > 0
                            ? new BedsChanged(id, 1 + beds / 2)
                            : new org.eldercare.ingest.event.MealServed(
                                    id, 5, org.eldercare.ingest.event.MealType.LUNCH, null)));
        }
        return events;
    }
}
