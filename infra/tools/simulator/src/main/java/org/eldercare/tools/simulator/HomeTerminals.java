package org.eldercare.tools.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;
import org.eldercare.tools.simulator.CivilAffairsRegister.Resident;

/**
 * The terminals in the homes of registered people and the caregivers' visits (docs/CONTRACT.md §9.1–§9.3), sent by
 * the operator that runs the care station or centre of the person's street.
 *
 * <p>Of the people living alone or disabled (GB/T 42195 level 2 and above), {@link TerminalConfig#deviceShare()} get an
 * SOS button (a watch for one in three), and those living alone also a water meter, up to {@link
 * TerminalConfig#maxDevices()} devices. Each is bound with {@code device.bound} after the register, then reports at its
 * interval: buttons every 30 minutes, watches every 5, meters a reading every 15. A meter's day uses 60–150 L, mostly
 * between 6 and 22 h, and with {@link TerminalConfig#lowWaterShare()} under 10 L. Buttons and watches are pressed
 * {@link TerminalConfig#sosPerHour()} times an hour in all (a watch sends its GNSS fix); {@link
 * TerminalConfig#silentShare()} of the devices fall silent for good after one to four intervals. Visits go to people
 * drawing a benefit or disabled, from a station of their street, confirmed by card, phone location, signature or
 * face.
 *
 * <p>So the hotline has more than SOS calls: those living alone get a door sensor with {@link
 * TerminalConfig#doorSensorShare()}; {@link TerminalConfig#unbindsPerDay()} buttons, watches and door sensors are taken
 * back ({@code device.unbound}); and {@link TerminalConfig#missedVisitShare()} of the people entitled to home visits (the
 * default list's 探访关爱: alone, a couple only, or dependent) are never visited, so each month of theirs is a missed
 * visit. The desk takes the silences, low-water days and missed visits it caused ({@link HotlineDesk#take}). Every
 * {@code time} is whole milliseconds and never after the {@code now} asked for. Not thread-safe.
 */
final class HomeTerminals {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Hour weights of water use: the day (6–22 h) weighs 1, the night a quarter; they sum to 18 over a day. */
    private static final double NIGHT_WEIGHT = 0.25;

    private static final double DAY_WEIGHTS = 16 + 8 * NIGHT_WEIGHT;

    static final class Device {
        final String deviceId;
        final DeviceKind kind;
        final Resident person;
        final SimFacility station;
        final int heartbeatSeconds;
        /** When it stops sending for good, or null. */
        OffsetDateTime silentFrom;
        /** Its last signal (or its binding): the job's silence counts from it. */
        OffsetDateTime lastSent;

        boolean silenceTaken;
        boolean unbound;

        OffsetDateTime next;
        double litres;
        long day = Long.MIN_VALUE;
        double dayUse;

        Device(String deviceId, DeviceKind kind, Resident person, SimFacility station, int heartbeatSeconds) {
            this.deviceId = deviceId;
            this.kind = kind;
            this.person = person;
            this.station = station;
            this.heartbeatSeconds = heartbeatSeconds;
        }

        String operatorId() {
            return station.operatorId;
        }

        boolean silentAt(OffsetDateTime at) {
            return silentFrom != null && !at.isBefore(silentFrom);
        }
    }

    private final TerminalConfig config;
    private final SplittableRandom random;
    private final String runId;
    private final List<Device> devices = new ArrayList<>();
    private final List<Device> callers = new ArrayList<>();
    private final List<Resident> visited = new ArrayList<>();
    /** Entitled to home visits, but nobody comes: each month of theirs is a missed visit. */
    private final List<Resident> forgotten = new ArrayList<>();

    private final Map<String, SimFacility> stationOf = new HashMap<>();
    private final HotlineDesk desk;
    private OffsetDateTime last;
    private double sosOwed;
    private double visitsOwed;
    private double unbindsOwed;
    /** The month whose missed visits the job judges next, and when. */
    private YearMonth judgedMonth;

    private long sequence;

    HomeTerminals(
            List<Resident> residents,
            List<SimFacility> facilities,
            TerminalConfig config,
            SplittableRandom random,
            String runId) {
        this.config = config;
        this.random = random;
        this.runId = runId;
        this.desk = new HotlineDesk(config, random.split());
        List<Resident> candidates = new ArrayList<>();
        for (Resident r : residents) {
            SimFacility station = stationFor(r, facilities);
            if (station == null) {
                continue;
            }
            stationOf.put(r.personId(), station);
            if (entitledToVisits(r)) {
                (random.nextDouble() < config.missedVisitShare() ? forgotten : visited).add(r);
            }
            if (r.aloneOrDisabled() && random.nextDouble() < config.deviceShare()) {
                candidates.add(r);
            }
        }
        // In random order, so a cap takes people from every street, not the first streets only.
        for (int i = candidates.size() - 1; i > 0; i--) {
            candidates.set(i, candidates.set(random.nextInt(i + 1), candidates.get(i)));
        }
        for (Resident r : candidates) {
            boolean alone = r.arrangement() == LivingArrangement.ALONE;
            boolean door = alone && random.nextDouble() < config.doorSensorShare();
            if (devices.size() + (alone ? 2 : 1) + (door ? 1 : 0) > config.maxDevices()) {
                break;
            }
            SimFacility station = stationOf.get(r.personId());
            String serial = r.personId().substring(1);
            Device caller = random.nextInt(3) == 0
                    ? new Device("watch-" + serial, DeviceKind.SMART_WATCH, r, station, 300)
                    : new Device("sos-" + serial, DeviceKind.SOS_BUTTON, r, station, 1_800);
            devices.add(caller);
            callers.add(caller);
            if (alone) {
                Device meter = new Device("meter-" + serial, DeviceKind.WATER_METER, r, station, 900);
                meter.litres = 10_000 + random.nextInt(490_000) + random.nextInt(1000) / 1000.0;
                devices.add(meter);
            }
            if (door) {
                devices.add(new Device("door-" + serial, DeviceKind.DOOR_SENSOR, r, station, 600));
            }
        }
    }

    /**
     * The default service list's home visit (探访关爱, docs/CONTRACT.md §7.3): living alone or as a couple only (空巢), or
     * moderately to completely dependent.
     */
    static boolean entitledToVisits(Resident r) {
        return r.arrangement() == LivingArrangement.ALONE
                || r.arrangement() == LivingArrangement.COUPLE_ONLY
                || r.level() >= 2;
    }

    /** The people whose visits stopped. */
    List<Resident> forgotten() {
        return forgotten;
    }

    /** A care station (else centre) of the person's street, else any of their district; null if none. */
    private static SimFacility stationFor(Resident r, List<SimFacility> facilities) {
        Comparator<SimFacility> preferred = Comparator.comparing(
                        (SimFacility f) -> !f.details.streetCode().equals(r.streetCode()))
                .thenComparing(f -> f.details.kind() != FacilityKind.CARE_STATION)
                .thenComparing(SimFacility::id);
        return facilities.stream()
                .filter(f -> f.details.districtCode().equals(r.districtCode()))
                .filter(f ->
                        f.details.kind() == FacilityKind.CARE_STATION || f.details.kind() == FacilityKind.CARE_CENTER)
                .min(preferred)
                .orElse(null);
    }

    List<Device> devices() {
        return devices;
    }

    /** Every device bound at {@code at} by its operator, the first signals planned after it. */
    List<CareEvent> bindings(OffsetDateTime at) {
        OffsetDateTime t = millis(at);
        last = t;
        judgedMonth = YearMonth.from(t.atZoneSameInstant(BEIJING));
        List<CareEvent> events = new ArrayList<>();
        for (Device d : devices) {
            d.lastSent = t;
            events.add(new CareEvent(
                    "bind-" + d.deviceId,
                    d.station.source(),
                    EventType.DEVICE_BOUND,
                    t,
                    new DeviceBound(
                            d.deviceId,
                            d.kind,
                            d.person.personId(),
                            d.person.districtCode(),
                            d.person.streetCode(),
                            d.heartbeatSeconds)));
            // Spread the first signals over an interval, so they do not all come at once.
            d.next = t.plusSeconds(1 + random.nextInt(d.heartbeatSeconds));
            if (random.nextDouble() < config.silentShare()) {
                d.silentFrom = t.plusSeconds((long) d.heartbeatSeconds * (1 + random.nextInt(4)));
            }
        }
        return events;
    }

    /**
     * What happens in the homes between the last call and {@code now}: heartbeats and readings that fell due, SOS
     * presses and visits at their rates, and the hotline's steps that have come due.
     */
    List<CareEvent> until(OffsetDateTime now) {
        if (last == null) {
            throw new IllegalStateException("bind the devices first");
        }
        OffsetDateTime t = millis(now);
        if (!t.isAfter(last)) {
            return desk.due(t);
        }
        double seconds = (t.toInstant().toEpochMilli() - last.toInstant().toEpochMilli()) / 1000.0;
        List<CareEvent> events = new ArrayList<>();
        for (Device d : devices) {
            for (; !d.unbound && !d.next.isAfter(t); d.next = d.next.plusSeconds(d.heartbeatSeconds)) {
                if (!d.silentAt(d.next)) {
                    events.add(signal(d, d.next));
                    d.lastSent = d.next;
                } else if (!d.silenceTaken) {
                    // The job raises the silence 3 heartbeats (default.json) after the last signal.
                    d.silenceTaken = true;
                    desk.take(
                            HotlineDesk.DEVICE_SILENT,
                            HotlineDesk.incidentId(
                                    HotlineDesk.DEVICE_SILENT,
                                    d.operatorId() + "/" + d.deviceId,
                                    Long.toString(d.lastSent.toInstant().toEpochMilli())),
                            d.lastSent.plusSeconds(3L * d.heartbeatSeconds));
                }
            }
        }
        unbindsOwed += config.unbindsPerDay() * seconds / 86_400;
        for (int n = draw(unbindsOwed); n > 0; n--, unbindsOwed--) {
            unbind(t, events);
        }
        for (OffsetDateTime judged = judgement(judgedMonth); !judged.isAfter(t); judged = judgement(judgedMonth)) {
            for (Resident r : forgotten) {
                desk.take(
                        HotlineDesk.MISSED_VISIT,
                        HotlineDesk.incidentId(HotlineDesk.MISSED_VISIT, r.personId(), "VISIT|" + judgedMonth),
                        judged);
            }
            judgedMonth = judgedMonth.plusMonths(1);
        }
        sosOwed += config.sosPerHour() * seconds / 3600;
        for (int n = draw(sosOwed); n > 0; n--, sosOwed--) {
            press(t, events);
        }
        visitsOwed += config.visitsPerHour() * seconds / 3600;
        for (int n = draw(visitsOwed); n > 0 && !visited.isEmpty(); n--, visitsOwed--) {
            events.add(visit(t));
        }
        events.sort(Comparator.comparing(CareEvent::time));
        events.addAll(desk.due(t));
        last = t;
        return events;
    }

    /** When the job judges a month's visits: midnight 3 days (default.json's graceDays) after it ends. */
    private static OffsetDateTime judgement(YearMonth month) {
        return month.plusMonths(1).atDay(4).atStartOfDay(BEIJING).toOffsetDateTime();
    }

    /** Takes back a button, watch or door sensor that still reports (a meter stays: its days are being judged). */
    private void unbind(OffsetDateTime t, List<CareEvent> events) {
        List<Device> candidates = devices.stream()
                .filter(d -> !d.unbound && d.silentFrom == null && d.kind != DeviceKind.WATER_METER)
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        Device d = NameBook.pick(random, candidates);
        d.unbound = true;
        callers.remove(d);
        events.add(new CareEvent(
                runId + "-unbind-" + d.deviceId,
                d.station.source(),
                EventType.DEVICE_UNBOUND,
                t,
                new DeviceUnbound(d.deviceId)));
    }

    /** Rounds an owed fraction up or down at random, so the mean is the rate (a debt carries to the next call). */
    private int draw(double owed) {
        int whole = (int) owed;
        return whole + (random.nextDouble() < owed - whole ? 1 : 0);
    }

    private CareEvent signal(Device d, OffsetDateTime at) {
        String id = runId + "-" + d.deviceId + "-" + at.toInstant().toEpochMilli();
        if (d.kind == DeviceKind.WATER_METER) {
            d.litres = Math.round((d.litres + use(d, at)) * 1000) / 1000.0;
            return new CareEvent(
                    id, d.station.source(), EventType.METER_READING, at, new MeterReading(d.deviceId, d.litres));
        }
        int battery = 20 + Math.floorMod(d.deviceId.hashCode(), 80);
        return new CareEvent(
                id, d.station.source(), EventType.DEVICE_HEARTBEAT, at, new DeviceHeartbeat(d.deviceId, battery));
    }

    /** The litres used in the interval ending at {@code at}, from the day's use weighted by the hour. */
    private double use(Device d, OffsetDateTime at) {
        var local = at.atZoneSameInstant(BEIJING);
        long day = local.toLocalDate().toEpochDay();
        if (day != d.day) {
            boolean baseline = d.day != Long.MIN_VALUE;
            d.day = day;
            boolean low = random.nextDouble() < config.lowWaterShare();
            d.dayUse = low ? 1 + random.nextDouble() * 6 : 60 + random.nextDouble() * 90;
            if (low && baseline) {
                // Judged by the job at the midnight that ends the day, for the person living alone (§9.4).
                LocalDate date = LocalDate.ofEpochDay(day);
                desk.take(
                        HotlineDesk.LOW_WATER,
                        HotlineDesk.incidentId(HotlineDesk.LOW_WATER, d.person.personId(), date.toString()),
                        date.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime());
            }
        }
        int hour = local.getHour();
        double weight = hour >= 6 && hour < 22 ? 1 : NIGHT_WEIGHT;
        return d.dayUse * weight * d.heartbeatSeconds / 3600.0 / DAY_WEIGHTS;
    }

    private void press(OffsetDateTime t, List<CareEvent> events) {
        List<Device> live = callers.stream().filter(d -> !d.silentAt(t)).toList();
        if (live.isEmpty()) {
            return;
        }
        Device d = NameBook.pick(random, live);
        GeoPoint location = null;
        Integer accuracy = null;
        if (d.kind == DeviceKind.SMART_WATCH) {
            // A watch knows where it is: near home, give or take a walk.
            location = new GeoPoint(
                    d.person.home().lat() + (random.nextDouble() - 0.5) * 0.004,
                    d.person.home().lon() + (random.nextDouble() - 0.5) * 0.004);
            accuracy = 5 + random.nextInt(46);
        }
        CareEvent sos = new CareEvent(
                runId + "-sos-" + (++sequence),
                d.station.source(),
                EventType.DEVICE_SOS,
                t,
                new DeviceSos(d.deviceId, location, accuracy));
        events.add(sos);
        desk.answer(sos, d.station.id());
    }

    private CareEvent visit(OffsetDateTime t) {
        Resident r = NameBook.pick(random, visited);
        SimFacility station = stationOf.get(r.personId());
        int minutes = 20 + random.nextInt(71);
        OffsetDateTime visitedAt = t.minusMinutes(minutes + random.nextInt(10));
        int roll = random.nextInt(100);
        VisitConfirmation confirmation = roll < 50
                ? VisitConfirmation.CARD_SWIPE
                : roll < 80
                        ? VisitConfirmation.PHONE_LOCATION
                        : roll < 95 ? VisitConfirmation.SIGNATURE : VisitConfirmation.FACE;
        GeoPoint location = confirmation == VisitConfirmation.PHONE_LOCATION
                ? new GeoPoint(
                        r.home().lat() + (random.nextDouble() - 0.5) * 0.0004,
                        r.home().lon() + (random.nextDouble() - 0.5) * 0.0004)
                : null;
        String caregiver =
                station.caregivers.isEmpty() ? station.id() + "-cg1" : NameBook.pick(random, station.caregivers).id;
        String visitId = runId + "-visit-" + (++sequence);
        return new CareEvent(
                visitId,
                station.source(),
                EventType.VISIT_COMPLETED,
                t,
                new VisitCompleted(
                        visitId, station.id(), caregiver, r.personId(), visitedAt, minutes, location, confirmation));
    }

    private static OffsetDateTime millis(OffsetDateTime at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
