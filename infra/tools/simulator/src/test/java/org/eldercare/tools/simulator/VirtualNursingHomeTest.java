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
import org.eldercare.ingest.event.EventType;
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
        assertThat(pressOf.keySet())
                .as("the desk answers only the SOS incidents it derived")
                .containsAll(steps.keySet());
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
