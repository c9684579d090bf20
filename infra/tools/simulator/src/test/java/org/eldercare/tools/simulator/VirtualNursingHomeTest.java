package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceEvent;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.IncidentTransition;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The virtual nursing home the simulator runs (docs/CONTRACT.md §9): terminals bound to registered people, their
 * signals, SOS presses the hotline desk answers, and caregivers' visits, over two simulated days of both districts.
 */
class VirtualNursingHomeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-22T09:00:00+08:00");
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final Duration RUN = Duration.ofHours(48);

    private static CitySimulator simulator;
    private static List<CareEvent> register;
    private static List<CareEvent> bindings;
    private static List<CareEvent> live;

    @BeforeAll
    static void runTwoDaysOfTheVirtualNursingHome() {
        simulator = new CitySimulator(SimulatorConfig.defaults(), Regions.load());
        register = simulator.register(START);
        bindings = simulator.devices(START.plusSeconds(1));
        live = new ArrayList<>();
        for (OffsetDateTime t = START.plus(TICK); !t.isAfter(START.plus(RUN)); t = t.plus(TICK)) {
            live.addAll(simulator.terminals(t));
        }
    }

    @Test
    void everyBindingSignalVisitAndHotlineStepPassesTheIntakesValidationFromItsRightfulSender() {
        EventReader reader = new EventReader(Regions.load(), Clock.systemUTC());
        List<CareEvent> all = new ArrayList<>(bindings);
        all.addAll(live);

        List<String> problems = all.stream()
                .map(e -> {
                    byte[] json = CloudEventJson.write(e);
                    return reader.read(json, 0, json.length, e.time().toInstant());
                })
                .filter(r -> r instanceof ReadResult.Invalid)
                .map(r -> ((ReadResult.Invalid) r).type() + " " + ((ReadResult.Invalid) r).errors())
                .distinct()
                .toList();

        assertThat(problems).isEmpty();
        assertThat(all)
                .extracting(CareEvent::type)
                .contains(
                        EventType.DEVICE_BOUND,
                        EventType.DEVICE_UNBOUND,
                        EventType.DEVICE_HEARTBEAT,
                        EventType.METER_READING,
                        EventType.DEVICE_SOS,
                        EventType.VISIT_COMPLETED,
                        EventType.INCIDENT_ACKNOWLEDGED,
                        EventType.INCIDENT_DISPATCHED,
                        EventType.INCIDENT_RESOLVED);
        assertThat(all)
                .allSatisfy(e -> assertThat(e.source())
                        .matches(e.data() instanceof IncidentTransition ? "/hotline/desk-1" : "/operators/op-[12]"));
        assertThat(all.stream().map(CareEvent::dedupKey).distinct().count())
                .as("no two events share (source, id)")
                .isEqualTo(all.size());
    }

    @Test
    void bindsAButtonOrWatchToAShareOfThoseLivingAloneOrDisabledAndAMeterToThoseLivingAlone() {
        Map<String, PersonDetails> registered = registered();
        List<DeviceBound> bound =
                bindings.stream().map(e -> e.dataAs(DeviceBound.class)).toList();
        Set<String> withCaller = bound.stream()
                .filter(b -> b.kind().canCallForHelp())
                .map(DeviceBound::personId)
                .collect(Collectors.toSet());
        long alone = registered.values().stream()
                .filter(p -> p.livingArrangement() == LivingArrangement.ALONE)
                .count();

        assertThat(bound).hasSizeBetween(150, 400);
        assertThat(bound).allSatisfy(b -> {
            PersonDetails p = registered.get(b.personId());
            assertThat(p).as("bound to a registered person").isNotNull();
            assertThat(b.streetCode()).isEqualTo(p.streetCode());
            assertThat(b.districtCode()).isEqualTo(p.districtCode());
        });
        assertThat(bound)
                .filteredOn(b -> b.kind() == DeviceKind.WATER_METER)
                .allSatisfy(b -> assertThat(registered.get(b.personId()).livingArrangement())
                        .isEqualTo(LivingArrangement.ALONE))
                .hasSizeBetween((int) (alone * 0.1), (int) (alone * 0.3));
        assertThat(bound).extracting(DeviceBound::kind).contains(DeviceKind.SOS_BUTTON, DeviceKind.SMART_WATCH);
        assertThat(withCaller)
                .as("a share of the registered people are given a button or watch")
                .hasSizeBetween(registered.size() / 40, registered.size() / 8);
        assertThat(bindings).allSatisfy(e -> assertThat(e.time()).isAfter(START));
    }

    @Test
    void honoursTheDeviceShareAndTheCapOnDevices() {
        Function<Map<String, String>, Integer> bound = settings -> {
            CitySimulator simulator =
                    new CitySimulator(SimulatorConfig.from(Settings.from(settings::get)), Regions.load());
            simulator.register(START);
            return simulator.devices(START).size();
        };

        int fifth = bound.apply(Map.of("eldercare.simulator.max-devices", "100000"));
        int half = bound.apply(
                Map.of("eldercare.simulator.max-devices", "100000", "eldercare.simulator.device-share", "0.5"));
        int capped =
                bound.apply(Map.of("eldercare.simulator.device-share", "1", "eldercare.simulator.max-devices", "50"));
        int none = bound.apply(Map.of("eldercare.simulator.device-share", "0"));

        assertThat((double) half / fifth).isBetween(2.0, 3.0);
        assertThat(capped).isBetween(49, 50);
        assertThat(none).isZero();
    }

    @Test
    void devicesReportAtTheirIntervalUntilTheFewThatFallSilent() {
        Map<String, DeviceBound> byDevice = bindings.stream()
                .map(e -> e.dataAs(DeviceBound.class))
                .collect(Collectors.toMap(DeviceBound::deviceId, b -> b));
        Map<String, List<OffsetDateTime>> signals = new LinkedHashMap<>();
        live.stream()
                .filter(e -> e.type() == EventType.DEVICE_HEARTBEAT || e.type() == EventType.METER_READING)
                .forEach(e -> signals.computeIfAbsent(((DeviceEvent) e.data()).deviceId(), k -> new ArrayList<>())
                        .add(e.time()));
        OffsetDateTime end = START.plus(RUN);

        Set<String> unbound = live.stream()
                .filter(e -> e.type() == EventType.DEVICE_UNBOUND)
                .map(e -> ((DeviceEvent) e.data()).deviceId())
                .collect(Collectors.toSet());

        assertThat(signals.keySet()).isSubsetOf(byDevice.keySet());
        signals.forEach((device, times) -> {
            long interval = byDevice.get(device).heartbeatSeconds();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)).toSeconds())
                        .as("gap between signals of %s", device)
                        .isEqualTo(interval);
            }
        });
        List<String> silent = byDevice.keySet().stream()
                .filter(d -> !unbound.contains(d))
                .filter(d -> !signals.containsKey(d)
                        || Duration.between(signals.get(d).getLast(), end).toSeconds()
                                > 3L * byDevice.get(d).heartbeatSeconds())
                .toList();
        assertThat(silent)
                .as("devices silent past three heartbeats (the rule's missedHeartbeats)")
                .hasSizeBetween(1, byDevice.size() / 10);
    }

    @Test
    void metersUseSixtyToHundredFiftyLitresADayWithSomeLowWaterDaysForPeopleLivingAlone() {
        // The use of a day as the job reckons it (CONTRACT §9.4): increases from the last reading before the day to
        // the last reading of the day.
        Map<String, List<CareEvent>> readings = live.stream()
                .filter(e -> e.type() == EventType.METER_READING)
                .collect(Collectors.groupingBy(
                        e -> e.dataAs(MeterReading.class).deviceId(), LinkedHashMap::new, Collectors.toList()));
        LocalDate fullDay = START.atZoneSameInstant(BEIJING).toLocalDate().plusDays(1);
        List<Double> uses = new ArrayList<>();
        readings.forEach((meter, list) -> {
            double baseline = Double.NaN;
            double lastOfDay = Double.NaN;
            for (CareEvent e : list) {
                LocalDate day = e.time().atZoneSameInstant(BEIJING).toLocalDate();
                double litres = e.dataAs(MeterReading.class).litres();
                if (day.isBefore(fullDay)) {
                    baseline = litres;
                } else if (day.equals(fullDay)) {
                    lastOfDay = litres;
                }
            }
            if (!Double.isNaN(baseline) && !Double.isNaN(lastOfDay)) {
                uses.add(lastOfDay - baseline);
            }
        });

        assertThat(uses).hasSizeGreaterThan(50).allSatisfy(u -> assertThat(u).isNotNegative());
        assertThat(uses)
                .filteredOn(u -> u >= 55 && u <= 155)
                .as("ordinary days")
                .hasSizeGreaterThan(uses.size() * 3 / 4);
        assertThat(uses)
                .filteredOn(u -> u < 10)
                .as("low-water days, under 10 L")
                .isNotEmpty();
    }

    @Test
    void everySosIsAcknowledgedThenDispatchedThenResolvedMostWithinTheThreeMinuteSla() {
        List<CareEvent> presses =
                live.stream().filter(e -> e.type() == EventType.DEVICE_SOS).toList();
        Map<String, List<CareEvent>> steps = live.stream()
                .filter(e -> e.data() instanceof IncidentTransition)
                .collect(Collectors.groupingBy(e -> ((IncidentTransition) e.data()).incidentId()));
        Map<String, CareEvent> pressOf = new HashMap<>();
        presses.forEach(p -> pressOf.put(HotlineDesk.sosIncidentId(p), p));

        // 6 presses an hour by default, over 48 hours.
        assertThat(presses).hasSizeBetween(200, 400);
        assertThat(presses)
                .filteredOn(p -> p.dataAs(DeviceSos.class).location() != null)
                .as("watches send their position")
                .isNotEmpty();
        steps.keySet().retainAll(pressOf.keySet()); // the SOS incidents; the others have a test of their own
        List<Duration> toAcknowledge = new ArrayList<>();
        steps.forEach((incident, list) -> {
            CareEvent press = pressOf.get(incident);
            assertThat(list.getFirst().type()).isEqualTo(EventType.INCIDENT_ACKNOWLEDGED);
            List<EventType> types = list.stream().map(CareEvent::type).toList();
            List<EventType> helped = List.of(
                    EventType.INCIDENT_ACKNOWLEDGED, EventType.INCIDENT_DISPATCHED, EventType.INCIDENT_RESOLVED);
            List<EventType> falseAlarm = List.of(EventType.INCIDENT_ACKNOWLEDGED, EventType.INCIDENT_RESOLVED);
            assertThat(types.equals(helped.subList(0, Math.min(3, types.size()))) || types.equals(falseAlarm))
                    .as("steps of %s in a valid order: %s", incident, types)
                    .isTrue();
            if (types.equals(falseAlarm)) {
                assertThat(((IncidentResolved) list.getLast().data()).outcome()).isEqualTo(IncidentOutcome.FALSE_ALARM);
            }
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).time()).isAfter(list.get(i - 1).time());
            }
            assertThat(list.getFirst().time()).isAfterOrEqualTo(press.time().plusSeconds(30));
            toAcknowledge.add(Duration.between(press.time(), list.getFirst().time()));
        });
        assertThat(steps).as("every SOS but the last minutes' is acknowledged").hasSizeGreaterThan(presses.size() - 5);
        long onTime = toAcknowledge.stream()
                .filter(d -> d.compareTo(HotlineDesk.ACKNOWLEDGE_WITHIN) <= 0)
                .count();
        assertThat(onTime).as("acknowledged within the SLA").isGreaterThan(toAcknowledge.size() * 3L / 4);
        assertThat(toAcknowledge.size() - onTime)
                .as("acknowledged late, so escalated")
                .isPositive();
        assertThat(steps.values().stream().mapToInt(List::size).sum())
                .as("resolved ones: three steps, or two for a false alarm")
                .isGreaterThan(2 * steps.size());
    }

    @Test
    void takesBackADeviceNowAndThenAndGivesSomeWhoLiveAloneADoorSensor() {
        List<CareEvent> unbinds =
                live.stream().filter(e -> e.type() == EventType.DEVICE_UNBOUND).toList();
        Map<String, CareEvent> boundBy =
                bindings.stream().collect(Collectors.toMap(e -> ((DeviceEvent) e.data()).deviceId(), e -> e));

        // 2 a day by default, over 48 hours.
        assertThat(unbinds).hasSizeBetween(1, 12);
        unbinds.forEach(u -> {
            String device = ((DeviceEvent) u.data()).deviceId();
            assertThat(boundBy).containsKey(device);
            assertThat(u.source())
                    .as("by the operator that bound it")
                    .isEqualTo(boundBy.get(device).source());
            assertThat(live)
                    .filteredOn(e -> e.data() instanceof DeviceEvent d
                            && d.deviceId().equals(device)
                            && e.time().isAfter(u.time()))
                    .as("nothing from %s after it was taken back", device)
                    .isEmpty();
        });
        assertThat(bindings).extracting(e -> e.dataAs(DeviceBound.class).kind()).contains(DeviceKind.DOOR_SENSOR);
    }

    @Test
    void theDeskTakesEverySilenceAndLowWaterDayTheJobWillRaiseAndClosesThemWithAFittingOutcome() {
        Map<String, DeviceBound> byDevice = bindings.stream()
                .map(e -> e.dataAs(DeviceBound.class))
                .collect(Collectors.toMap(DeviceBound::deviceId, b -> b));
        Map<String, String> operatorOf = bindings.stream()
                .collect(Collectors.toMap(e -> e.dataAs(DeviceBound.class).deviceId(), CareEvent::operatorId));
        Map<String, List<CareEvent>> steps = stepsByIncident(live);
        // Silences as the job sees them: 3 heartbeats past the last signal (or the binding), while still bound.
        Map<String, OffsetDateTime> lastSignal = new HashMap<>();
        bindings.forEach(e -> lastSignal.put(e.dataAs(DeviceBound.class).deviceId(), e.time()));
        Set<String> unbound = new java.util.HashSet<>();
        Map<String, OffsetDateTime> silences = new LinkedHashMap<>();
        for (CareEvent e : live) {
            if (!(e.data() instanceof DeviceEvent d) || e.type() == EventType.DEVICE_BOUND) {
                continue;
            }
            OffsetDateTime before = lastSignal.get(d.deviceId());
            long limit = 3L * byDevice.get(d.deviceId()).heartbeatSeconds();
            if (!unbound.contains(d.deviceId()) && !e.time().isBefore(before.plusSeconds(limit))) {
                silences.put(silenceId(operatorOf, d.deviceId(), before), before.plusSeconds(limit));
            }
            if (e.type() == EventType.DEVICE_UNBOUND) {
                unbound.add(d.deviceId());
            }
            lastSignal.put(d.deviceId(), e.time());
        }
        OffsetDateTime end = START.plus(RUN);
        lastSignal.forEach((device, at) -> {
            OffsetDateTime silentAt = at.plusSeconds(3L * byDevice.get(device).heartbeatSeconds());
            if (!unbound.contains(device) && !silentAt.isAfter(end)) {
                silences.put(silenceId(operatorOf, device, at), silentAt);
            }
        });

        assertThat(silences).isNotEmpty();
        Map<String, OffsetDateTime> silenceSteps = steps.entrySet().stream()
                .filter(s -> s.getValue().stream()
                        .anyMatch(e ->
                                e.data() instanceof IncidentResolved r && r.outcome() == IncidentOutcome.DEVICE_FIXED))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, s -> s.getValue().getFirst().time()));
        assertThat(silenceSteps.keySet())
                .as("the desk closes exactly the silences the job raises, as a device fixed")
                .isSubsetOf(silences.keySet());
        silences.forEach((id, openedAt) -> {
            if (openedAt.plusHours(6).isBefore(end)) {
                assertThat(steps.get(id))
                        .as("silence %s opened %s", id, openedAt)
                        .isNotNull();
                assertThat(steps.get(id).getFirst().time()).isAfter(openedAt);
                assertDispatchedTo(steps.get(id), DispatchKind.COMMUNITY);
            }
        });

        // Low water as the job reckons it (§9.4) on the one whole day judged well before the end: the increases
        // from the last reading before the day to the last of the day, under 10 L.
        LocalDate fullDay = START.atZoneSameInstant(BEIJING).toLocalDate().plusDays(1);
        Map<String, Double> baseline = new HashMap<>();
        Map<String, Double> lastOfDay = new HashMap<>();
        live.stream().filter(e -> e.type() == EventType.METER_READING).forEach(e -> {
            MeterReading r = e.dataAs(MeterReading.class);
            LocalDate day = e.time().atZoneSameInstant(BEIJING).toLocalDate();
            (day.isBefore(fullDay) ? baseline : day.equals(fullDay) ? lastOfDay : new HashMap<String, Double>())
                    .put(r.deviceId(), r.litres());
        });
        List<String> dry = lastOfDay.entrySet().stream()
                .filter(m -> baseline.containsKey(m.getKey()) && m.getValue() - baseline.get(m.getKey()) < 10)
                .map(m -> HotlineDesk.incidentId(
                        "LOW_WATER", byDevice.get(m.getKey()).personId(), fullDay.toString()))
                .toList();
        assertThat(dry).as("low-water days").isNotEmpty();
        dry.forEach(id -> {
            assertThat(steps.get(id)).as("low water %s", id).isNotNull();
            assertThat(steps.get(id).getFirst().time())
                    .isAfter(fullDay.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime());
            assertDispatchedTo(steps.get(id), DispatchKind.COMMUNITY);
            assertThat(((IncidentResolved) steps.get(id).getLast().data()).outcome())
                    .isIn(IncidentOutcome.ASSISTED, IncidentOutcome.NO_ACTION_NEEDED);
        });
    }

    @Test
    void peopleWhoseVisitsStopAreMissedVisitsTheDeskHandsToTheStreetOffice() {
        CitySimulator month = new CitySimulator(SimulatorConfig.defaults(), Regions.load());
        OffsetDateTime start = OffsetDateTime.parse("2026-11-30T20:00:00+08:00");
        month.register(start);
        month.devices(start.plusSeconds(1));
        List<CareEvent> events = new ArrayList<>();
        for (OffsetDateTime t = start.plusMinutes(5);
                !t.isAfter(OffsetDateTime.parse("2026-12-04T06:00:00+08:00"));
                t = t.plusMinutes(5)) {
            events.addAll(month.terminals(t));
        }
        List<String> unvisited = month.unvisited();
        Map<String, List<CareEvent>> steps = stepsByIncident(events);
        OffsetDateTime judged = OffsetDateTime.parse("2026-12-04T00:00:00+08:00");

        // 5 % of the people entitled to visits (alone, a couple only or dependent: about 1,700 of the 3,000).
        assertThat(unvisited).hasSizeBetween(40, 130);
        assertThat(events)
                .filteredOn(e -> e.type() == EventType.VISIT_COMPLETED)
                .extracting(e -> e.dataAs(VisitCompleted.class).personId())
                .isNotEmpty()
                .doesNotContainAnyElementsOf(unvisited);
        for (String person : unvisited) {
            // printf 'MISSED_VISIT|<personId>|VISIT|2026-11' | sha256sum, as the job derives it (§9.4)
            List<CareEvent> handled = steps.get(HotlineDesk.incidentId("MISSED_VISIT", person, "VISIT|2026-11"));
            assertThat(handled).as("November's missed visit of %s", person).isNotNull();
            assertThat(handled)
                    .extracting(CareEvent::type)
                    .containsExactly(
                            EventType.INCIDENT_ACKNOWLEDGED,
                            EventType.INCIDENT_DISPATCHED,
                            EventType.INCIDENT_RESOLVED);
            assertThat(handled.getFirst().time()).isAfter(judged);
            assertDispatchedTo(handled, DispatchKind.STREET_OFFICE);
            assertThat(((IncidentResolved) handled.getLast().data()).outcome()).isEqualTo(IncidentOutcome.ASSISTED);
        }
        assertThat(steps.keySet())
                .as("December is not judged before January")
                .doesNotContain(HotlineDesk.incidentId("MISSED_VISIT", unvisited.getFirst(), "VISIT|2026-12"));
    }

    private static Map<String, List<CareEvent>> stepsByIncident(List<CareEvent> events) {
        return events.stream()
                .filter(e -> e.data() instanceof IncidentTransition)
                .collect(Collectors.groupingBy(
                        e -> ((IncidentTransition) e.data()).incidentId(), LinkedHashMap::new, Collectors.toList()));
    }

    private static String silenceId(Map<String, String> operatorOf, String device, OffsetDateTime lastSignal) {
        return HotlineDesk.incidentId(
                "DEVICE_SILENT",
                operatorOf.get(device) + "/" + device,
                Long.toString(lastSignal.toInstant().toEpochMilli()));
    }

    private static void assertDispatchedTo(List<CareEvent> steps, DispatchKind kind) {
        assertThat(steps).extracting(CareEvent::type).startsWith(EventType.INCIDENT_ACKNOWLEDGED);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).time()).isAfter(steps.get(i - 1).time());
        }
        steps.stream()
                .filter(e -> e.data() instanceof IncidentDispatched)
                .forEach(e -> assertThat(
                                ((IncidentDispatched) e.data()).dispatchedTo().kind())
                        .isEqualTo(kind));
    }

    @Test
    void derivesTheSosIncidentIdFromItsCauseAsTheContractSays() {
        CareEvent sos = new CareEvent(
                "s1-sos-1",
                "/operators/op-1",
                EventType.DEVICE_SOS,
                START,
                new DeviceSos("sos-R110109001-1", null, null));

        // printf 'SOS|op-1/sos-R110109001-1|/operators/op-1|s1-sos-1' | sha256sum
        assertThat(HotlineDesk.sosIncidentId(sos)).isEqualTo("inc-f1723f8d6f9a4bea1cd0fdb1");
    }

    @Test
    void caregiversVisitRegisteredPeopleFromAStationOfTheirOperatorBeforeTheyRecordIt() {
        Map<String, PersonDetails> registered = registered();
        List<CareEvent> visits =
                live.stream().filter(e -> e.type() == EventType.VISIT_COMPLETED).toList();

        // 30 visits an hour by default.
        assertThat(visits).hasSizeBetween(1_200, 1_700);
        assertThat(visits).allSatisfy(e -> {
            VisitCompleted v = e.dataAs(VisitCompleted.class);
            assertThat(registered).containsKey(v.personId());
            assertThat(v.visitedAt()).isBefore(e.time());
            assertThat(e.operatorId()).as("the station's owner sends it").isEqualTo(simulator.ownerOf(v.facilityId()));
            assertThat(simulator.facilities())
                    .filteredOn(f -> f.facilityId().equals(v.facilityId()))
                    .singleElement()
                    .satisfies(f -> assertThat(f.districtCode())
                            .isEqualTo(registered.get(v.personId()).districtCode()));
        });
    }

    private static Map<String, PersonDetails> registered() {
        return register.stream()
                .filter(e -> e.type() == EventType.PERSON_REGISTERED)
                .map(e -> e.dataAs(PersonDetails.class))
                .collect(Collectors.toMap(PersonDetails::personId, p -> p));
    }
}
