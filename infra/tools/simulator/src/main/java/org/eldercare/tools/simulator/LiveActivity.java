package org.eldercare.tools.simulator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;

/**
 * Picks what happens next, weighted by the hour: bed changes all day, meals at meal times, shift
 * changes morning and evening, services in the daytime (emergencies at night), now and then a hire or
 * a leaver. Applies the change to the facility's tracked state as it goes.
 */
final class LiveActivity {

    record Action(SimFacility facility, EventType type, EventData data) {}

    private final List<SimFacility> withBeds;
    private final List<SimFacility> withSeats;
    private final List<SimFacility> all;
    private final ServiceRecords services;

    LiveActivity(List<SimFacility> facilities, RecipientPool recipients, HandEntryNoise noise, String runId) {
        this.all = facilities;
        this.withBeds = facilities.stream().filter(CitySimulator::hasBeds).toList();
        this.withSeats =
                facilities.stream().filter(f -> f.details.mealSeats() > 0).toList();
        this.services = new ServiceRecords(recipients, noise, runId);
    }

    Action next(OffsetDateTime at, SplittableRandom random) {
        double hour = DayRhythm.hour(at);
        Optional<MealType> meal = DayRhythm.mealTime(hour);
        double bedWeight = 3;
        double mealWeight = meal.isPresent() && !withSeats.isEmpty() ? 4 : 0;
        double shiftWeight = DayRhythm.shiftStarts(hour) || DayRhythm.shiftEnds(hour) ? 1.5 : 0.3;
        double serviceWeight = DayRhythm.daytime(hour) ? 3 : 0.2;
        double staffWeight = 0.08;
        double roll = random.nextDouble() * (bedWeight + mealWeight + shiftWeight + serviceWeight + staffWeight);
        Action action = null;
        if ((roll -= mealWeight) < 0) {
            action = meal(meal.orElseThrow(), random);
        } else if ((roll -= shiftWeight) < 0) {
            action = shift(hour, random);
        } else if ((roll -= serviceWeight) < 0) {
            action = services.deliver(NameBook.pick(random, all), at, hour, random);
        } else if ((roll -= staffWeight) < 0) {
            action = staffChange(random);
        }
        return action != null ? action : bedChange(hour, random);
    }

    private Action bedChange(double hour, SplittableRandom random) {
        SimFacility f = NameBook.pick(random, withBeds);
        int target = (int) Math.round(f.beds() * DayRhythm.occupancy(f.details.kind(), hour));
        int gap = target - f.occupied;
        boolean occupy = gap > 0 || (gap == 0 && random.nextBoolean());
        if (occupy && f.freeBeds() == 0) {
            occupy = false;
        } else if (!occupy && f.occupied == 0) {
            occupy = true;
        }
        int room = occupy ? f.freeBeds() : f.occupied;
        int wanted = Math.max(1, Math.abs(gap) / 4 + random.nextInt(2));
        int count = Math.min(Math.min(wanted, room), 500);
        f.occupied += occupy ? count : -count;
        return new Action(f, occupy ? EventType.BED_OCCUPIED : EventType.BED_RELEASED, new BedsChanged(f.id(), count));
    }

    private Action meal(MealType type, SplittableRandom random) {
        SimFacility f = NameBook.pick(random, withSeats);
        int meals = 1 + random.nextInt(Math.max(1, Math.min(f.details.mealSeats(), 12)));
        return new Action(f, EventType.MEAL_SERVED, new MealServed(f.id(), meals, type, null));
    }

    private Action shift(double hour, SplittableRandom random) {
        SimFacility f = NameBook.pick(random, all);
        boolean start = DayRhythm.shiftStarts(hour) || (!DayRhythm.shiftEnds(hour) && random.nextBoolean());
        List<SimFacility.SimCaregiver> candidates = f.onDuty(!start);
        if (candidates.isEmpty()) {
            return null;
        }
        SimFacility.SimCaregiver c = NameBook.pick(random, candidates);
        c.onDuty = start;
        return new Action(
                f,
                start ? EventType.CAREGIVER_SHIFT_STARTED : EventType.CAREGIVER_SHIFT_ENDED,
                new CaregiverChange(c.id, f.id()));
    }

    /** Hires a little more often than people leave, and never empties a facility. */
    private Action staffChange(SplittableRandom random) {
        SimFacility f = NameBook.pick(random, all);
        List<SimFacility.SimCaregiver> offDuty = f.onDuty(false);
        if (random.nextInt(100) < 40 && f.caregivers.size() > 2 && !offDuty.isEmpty()) {
            SimFacility.SimCaregiver leaver = NameBook.pick(random, offDuty);
            f.caregivers.remove(leaver);
            return new Action(f, EventType.CAREGIVER_LEFT, new CaregiverChange(leaver.id, f.id()));
        }
        SimFacility.SimCaregiver hire = f.newCaregiver(random.nextInt(100) < 60);
        return new Action(f, EventType.CAREGIVER_HIRED, hired(f, hire));
    }

    static CaregiverHired hired(SimFacility f, SimFacility.SimCaregiver c) {
        return new CaregiverHired(c.id, f.id(), c.certified);
    }

    static boolean servesMealsOnly(SimFacility f) {
        return f.details.kind() == FacilityKind.MEAL_TABLE;
    }
}
