package org.eldercare.tools.simulator;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;

/**
 * Realistic operator traffic for the simulated districts (门头沟 110109 and 大兴 110115 by default):
 * facilities from {@code simulator/facility-mix.json} near their streets, registered first; then a
 * living day in Beijing time: beds taken and freed, meals at meal times, shifts, hires and leavers,
 * services to a recurring population of elderly people typed with realistic slips.
 *
 * <p>Every event it makes passes the intake's validation and the downstream checks: each facility
 * is owned by one operator ({@code op-1} or {@code op-2}) that sends all its events, occupancy stays
 * within {@code [0, beds]}, caregivers only work where they are hired. The same seed and run id
 * give the same events. Not thread-safe: one thread drives it.
 */
public final class CitySimulator {

    private static final int MAX_BED_COUNT = 500;

    private final SplittableRandom random;
    private final String runId;
    private final List<SimFacility> facilities = new ArrayList<>();
    private final Map<String, SimFacility> byId = new LinkedHashMap<>();
    private final RecipientPool recipients;
    private final HandEntryNoise noise;
    private final LiveActivity activity;
    private final CivilAffairsRegister register;
    private final TerminalConfig terminalConfig;
    private final long seed;
    private HomeTerminals terminals;
    private long sequence;

    public CitySimulator(SimulatorConfig config, Regions regions) {
        this.random = new SplittableRandom(config.seed());
        this.seed = config.seed();
        this.terminalConfig = config.terminals();
        this.runId = config.runId() != null ? config.runId() : "s" + Long.toString(config.seed(), 36);
        NameBook names = new NameBook();
        Map<String, FacilityMix> mixes = FacilityMix.load();
        List<District> districts = new ArrayList<>();
        for (String code : config.districts()) {
            District district = regions.district(code)
                    .orElseThrow(() -> new IllegalArgumentException("districts: unknown district code " + code));
            FacilityMix mix = mixes.get(code);
            if (mix == null || district.streets().isEmpty()) {
                throw new IllegalArgumentException("districts: no facility mix or streets for district " + code);
            }
            districts.add(district);
            for (SimFacility f : CityLayout.place(district, mix, names, random.split())) {
                facilities.add(f);
                byId.put(f.id(), f);
            }
        }
        this.recipients = new RecipientPool(districts, config.recipientsPerDistrict(), names, random.split());
        this.noise = new HandEntryNoise(names, config.noiseRate());
        this.activity = new LiveActivity(facilities, recipients, noise, runId);
        // A random of its own, so the operators' events stay what they were for a seed.
        this.register = new CivilAffairsRegister(
                districts,
                recipients,
                config.registeredPerDistrict(),
                names,
                new SplittableRandom(config.seed() ^ 0x5EED_CA11L),
                runId);
    }

    /** Every simulated facility as it is registered. */
    public List<FacilityDetails> facilities() {
        return facilities.stream().map(f -> f.details).toList();
    }

    /** The operator id that owns (and sends every event of) a facility. */
    public String ownerOf(String facilityId) {
        return facility(facilityId).operatorId;
    }

    public int occupied(String facilityId) {
        return facility(facilityId).occupied;
    }

    /**
     * Tells the simulator how many beds the platform already counts as taken (after a restart of the
     * simulator against a platform that kept its state), so it never overfills. Clamped to the beds.
     */
    public void assumeOccupied(String facilityId, int occupied) {
        SimFacility f = facility(facilityId);
        f.occupied = Math.max(0, Math.min(f.beds(), occupied));
    }

    /**
     * The start of the world at {@code at}: each facility registered, its staff hired, and its beds
     * filled to the level of that hour. Registration and hiring ids are stable across runs, so sending
     * them again is harmless.
     */
    public List<CareEvent> registrations(OffsetDateTime at) {
        List<CareEvent> events = new ArrayList<>();
        for (SimFacility f : facilities) {
            events.add(event("reg-" + f.id(), f, EventType.FACILITY_REGISTERED, at, f.details));
        }
        for (SimFacility f : facilities) {
            for (SimFacility.SimCaregiver c : f.caregivers) {
                events.add(event("hire-" + c.id, f, EventType.CAREGIVER_HIRED, at, LiveActivity.hired(f, c)));
            }
        }
        double hour = DayRhythm.hour(at);
        for (SimFacility f : facilities) {
            int wanted = (int) Math.round(f.beds() * DayRhythm.occupancy(f.details.kind(), hour)) - f.occupied;
            for (int part = 0; wanted > 0; part++) {
                int count = Math.min(wanted, MAX_BED_COUNT);
                f.occupied += count;
                wanted -= count;
                events.add(event(
                        runId + "-init-" + f.id() + "-" + part,
                        f,
                        EventType.BED_OCCUPIED,
                        at,
                        new BedsChanged(f.id(), count)));
            }
        }
        return Collections.unmodifiableList(events);
    }

    /** How many people the civil-affairs register holds. */
    public int registered() {
        return register.size();
    }

    /**
     * The register of older people as the street civil-affairs offices first send it at {@code at}
     * (docs/CONTRACT.md §7): every registration, then the assessments. Send with the civil-affairs token.
     */
    public List<CareEvent> register(OffsetDateTime at) {
        return register.size() == 0 ? List.of() : register.registrations(at);
    }

    /** One change to the register at {@code at}: a move, a benefit, a household, an assessment. */
    public CareEvent registerChange(OffsetDateTime at) {
        if (register.size() == 0) {
            throw new IllegalStateException("registered-per-district: the register is empty");
        }
        return register.next(at);
    }

    /**
     * The terminals in the homes of registered people as their operators bind them at {@code at} (docs/CONTRACT.md
     * §9.2): {@code device.bound} for an SOS button or watch of a share of those living alone or disabled, and a water
     * meter for those living alone. Call after {@link #register}, whose assessments decide who is disabled; the
     * bindings are drawn once, a second call sends the same devices again.
     */
    public List<CareEvent> devices(OffsetDateTime at) {
        if (terminals == null) {
            terminals = new HomeTerminals(
                    register.residents(), facilities, terminalConfig, new SplittableRandom(seed ^ 0x7E4A_1A11L), runId);
        }
        return terminals.bindings(at);
    }

    /** The register numbers of the people entitled to home visits whose visits stopped; empty before {@link #devices}. */
    List<String> unvisited() {
        return terminals == null
                ? List.of()
                : terminals.forgotten().stream()
                        .map(CivilAffairsRegister.Resident::personId)
                        .toList();
    }

    /** How many devices are bound; 0 before {@link #devices}. */
    public int devicesBound() {
        return terminals == null ? 0 : terminals.devices().size();
    }

    /**
     * The virtual nursing home since the last call, up to {@code now}: heartbeats and meter readings as they fall due,
     * SOS presses, devices taken back ({@code device.unbound}), caregivers' visits ({@code visit.completed}) and the
     * hotline desk's steps on the SOS, silence, low-water and missed-visit incidents (sent with the HOTLINE token from
     * {@code /hotline/<desk>}). Empty before {@link #devices}.
     */
    public List<CareEvent> terminals(OffsetDateTime now) {
        return terminals == null ? List.of() : terminals.until(now);
    }

    /** The ID numbers of the people the operators serve (tests: who of the register is served). */
    Set<String> servedIdNumbers() {
        Set<String> ids = new HashSet<>();
        recipients.all().forEach(p -> ids.add(p.idNumber()));
        return ids;
    }

    /** One live event happening at {@code at}. */
    public CareEvent next(OffsetDateTime at) {
        LiveActivity.Action action = activity.next(at, random);
        return event(runId + "-" + (++sequence), action.facility(), action.type(), at, action.data());
    }

    /**
     * The registrations at {@code start}, then live events {@code step} apart, without end: use
     * {@code limit} or {@code takeWhile}.
     */
    public Stream<CareEvent> stream(OffsetDateTime start, Duration step) {
        List<CareEvent> first = registrations(start);
        Stream<CareEvent> live =
                Stream.iterate(start.plus(step), t -> t.plus(step)).map(this::next);
        return Stream.concat(first.stream(), live);
    }

    private SimFacility facility(String facilityId) {
        SimFacility f = byId.get(facilityId);
        if (f == null) {
            throw new IllegalArgumentException("facilityId: not a simulated facility");
        }
        return f;
    }

    private static CareEvent event(String id, SimFacility f, EventType type, OffsetDateTime at, EventData data) {
        return new CareEvent(id, f.source(), type, at, data);
    }

    static boolean hasBeds(SimFacility f) {
        return f.beds() > 0 && f.details.kind() != FacilityKind.MEAL_TABLE;
    }
}
