package org.eldercare.streaming.facility;

import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.GeoPoint;

/**
 * The ledger's mutable state of one facility (a Flink POJO, so state is serialized without Kryo).
 * {@code detailsTime} and {@code statusTime} are the event times of the details and the status now
 * held: state events are last-writer-wins, each part on its own.
 */
public class FacilityState {
    public String facilityId;
    public String owner;
    public String name;
    public FacilityKind kind;
    public String districtCode;
    public String streetCode;
    public GeoPoint location;
    public int beds;
    public int mealSeats;
    /** Nursing-type beds (docs/CONTRACT.md §8.3); a POJO field, so state of an older release restores it as 0. */
    public int nursingBeds;

    public FacilityStatus status;
    public long detailsTime;
    public long statusTime;
    public int occupiedBeds;
    public long mealsDay = -1;
    public long mealsServed;
    public long servicesDay = -1;
    public long servicesDelivered;
    public long lastEventAt;

    public FacilityState() {}

    static FacilityState registeredBy(String owner, String facilityId) {
        FacilityState s = new FacilityState();
        s.owner = owner;
        s.facilityId = facilityId;
        s.detailsTime = Long.MIN_VALUE;
        s.statusTime = Long.MIN_VALUE;
        return s;
    }

    /** Applies registered/updated details if newer than what is held; true if anything was applied. */
    boolean applyDetails(FacilityDetails d, long time) {
        boolean applied = false;
        if (time >= detailsTime) {
            name = d.name();
            kind = d.kind();
            districtCode = d.districtCode();
            streetCode = d.streetCode();
            location = d.location();
            beds = d.beds();
            mealSeats = d.mealSeats();
            nursingBeds = d.nursingBeds();
            detailsTime = time;
            occupiedBeds = Math.min(occupiedBeds, beds);
            applied = true;
        }
        return applyStatus(d.status() == null ? FacilityStatus.OPERATING : d.status(), time) || applied;
    }

    boolean applyStatus(FacilityStatus newStatus, long time) {
        if (time < statusTime) {
            return false;
        }
        status = newStatus;
        statusTime = time;
        return true;
    }

    void countMeals(long day, long meals) {
        if (day > mealsDay) {
            mealsDay = day;
            mealsServed = 0;
        }
        if (day == mealsDay) {
            mealsServed += meals;
        }
    }

    void countService(long day) {
        if (day > servicesDay) {
            servicesDay = day;
            servicesDelivered = 0;
        }
        if (day == servicesDay) {
            servicesDelivered++;
        }
    }

    FacilitySnapshot snapshot() {
        return new FacilitySnapshot(
                facilityId,
                owner,
                name,
                kind,
                districtCode,
                streetCode,
                location,
                beds,
                occupiedBeds,
                mealSeats,
                status,
                mealsDay,
                mealsServed,
                servicesDay,
                servicesDelivered,
                lastEventAt,
                nursingBeds);
    }
}
