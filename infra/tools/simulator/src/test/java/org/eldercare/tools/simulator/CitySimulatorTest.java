package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One simulated day (registrations, then an event every 2 s from midnight Beijing time), checked as the platform would. */
class CitySimulatorTest {

    private static final OffsetDateTime MIDNIGHT = OffsetDateTime.parse("2026-11-22T00:00:00+08:00");
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final int ONE_DAY = (int) (Duration.ofDays(1).toSeconds() / STEP.toSeconds());

    private static CitySimulator simulator;
    private static List<CareEvent> day;

    @BeforeAll
    static void simulateADay() {
        simulator = new CitySimulator(SimulatorConfig.defaults(), Regions.load());
        day = simulator.stream(MIDNIGHT, STEP).limit(ONE_DAY + 3_000L).toList();
    }

    @Test
    void everyEventPassesTheIntakeValidation() {
        EventReader reader = new EventReader(Regions.load(), java.time.Clock.systemUTC());
        List<String> problems = day.stream()
                .map(e -> {
                    byte[] json = CloudEventJson.write(e);
                    return reader.read(json, 0, json.length, e.time().toInstant());
                })
                .filter(r -> r instanceof ReadResult.Invalid)
                .map(r -> ((ReadResult.Invalid) r).type() + " " + ((ReadResult.Invalid) r).errors())
                .distinct()
                .toList();

        assertThat(problems).isEmpty();
    }

    @Test
    void placesAsManyCareCentersAndStationsAsThePlansCount() {
        Map<String, Long> daxing = countByKind("110115");
        Map<String, Long> mentougou = countByKind("110109");

        assertThat(daxing).containsEntry("CARE_CENTER", 20L).containsEntry("CARE_STATION", 132L);
        assertThat(mentougou).containsEntry("CARE_CENTER", 9L).containsEntry("CARE_STATION", 36L);
        assertThat(daxing.get("INSTITUTION")).isPositive();
        assertThat(mentougou.get("MEAL_TABLE")).isPositive();
    }

    @Test
    void neverTakesMoreBedsThanAFacilityHasNorFreesBedsNobodyTakes() {
        Map<String, Integer> beds = new HashMap<>();
        Map<String, Integer> occupied = new HashMap<>();
        int peak = 0;
        for (CareEvent e : day) {
            if (e.data() instanceof FacilityDetails f) {
                beds.put(f.facilityId(), f.beds());
            } else if (e.data() instanceof BedsChanged b) {
                int sign = e.type() == EventType.BED_OCCUPIED ? 1 : -1;
                int now = occupied.merge(b.facilityId(), sign * b.count(), Integer::sum);
                assertThat(now).as("occupied beds of %s", b.facilityId()).isBetween(0, beds.get(b.facilityId()));
                peak = Math.max(peak, now);
            }
        }
        assertThat(peak).isPositive();
    }

    @Test
    void fillsDayCareBedsInTheDaytimeAndEmptiesThemAtNight() {
        Set<String> stations = simulator.facilities().stream()
                .filter(f -> f.kind() == FacilityKind.CARE_STATION)
                .map(FacilityDetails::facilityId)
                .collect(Collectors.toSet());
        Map<Integer, Integer> netByHour = new HashMap<>();
        for (CareEvent e : day.subList(simulator.facilities().size(), day.size())) {
            if (e.data() instanceof BedsChanged b && stations.contains(b.facilityId())) {
                int hour = e.time().atZoneSameInstant(DayRhythm.BEIJING).getHour();
                netByHour.merge(hour, e.type() == EventType.BED_OCCUPIED ? b.count() : -b.count(), Integer::sum);
            }
        }
        int morning = netByHour.getOrDefault(8, 0) + netByHour.getOrDefault(9, 0);
        int evening = netByHour.getOrDefault(17, 0) + netByHour.getOrDefault(18, 0);
        assertThat(morning).isPositive();
        assertThat(evening).isNegative();
    }

    @Test
    void servesMealsOnlyAtMealTimes() {
        assertThat(day.stream().filter(e -> e.type() == EventType.MEAL_SERVED))
                .isNotEmpty()
                .allSatisfy(e ->
                        assertThat(DayRhythm.mealTime(DayRhythm.hour(e.time()))).isPresent());
    }

    @Test
    void sendsShiftEventsOnlyForHiredCaregiversAndEndsOnlyStartedShifts() {
        Set<String> hired = new HashSet<>();
        Set<String> onDuty = new HashSet<>();
        for (CareEvent e : day) {
            switch (e.type()) {
                case CAREGIVER_HIRED -> hired.add(e.dataAs(CaregiverHired.class).caregiverId());
                case CAREGIVER_LEFT -> {
                    String id = e.dataAs(CaregiverChange.class).caregiverId();
                    assertThat(onDuty).doesNotContain(id);
                    assertThat(hired.remove(id)).isTrue();
                }
                case CAREGIVER_SHIFT_STARTED -> {
                    String id = e.dataAs(CaregiverChange.class).caregiverId();
                    assertThat(hired).contains(id);
                    assertThat(onDuty.add(id)).isTrue();
                }
                case CAREGIVER_SHIFT_ENDED ->
                    assertThat(onDuty.remove(e.dataAs(CaregiverChange.class).caregiverId()))
                            .isTrue();
                default -> {}
            }
        }
        assertThat(hired).isNotEmpty();
    }

    @Test
    void sendsEveryFacilitysEventsFromItsOwner() {
        assertThat(day).allSatisfy(e -> assertThat(e.operatorId()).isEqualTo(simulator.ownerOf(e.partitionKey())));
        assertThat(day.stream().map(CareEvent::operatorId).distinct()).containsExactlyInAnyOrder("op-1", "op-2");
    }

    @Test
    void servesTheSamePeopleAgainWithValidIdNumbers() {
        List<String> ids = services().stream()
                .map(s -> ((Recipient) s.recipient()).idNumber())
                .filter(id -> id != null && id.matches("[0-9]{17}[0-9X]"))
                .toList();

        assertThat(ids)
                .isNotEmpty()
                .allSatisfy(id -> assertThat(GbIdNumber.isValid(id)).isTrue());
        assertThat(new HashSet<>(ids)).hasSizeLessThan(ids.size());
    }

    @Test
    void typesSomeRecipientsWithHandEntrySlips() {
        List<ServiceDelivered> services = services();

        assertThat(services)
                .anySatisfy(s -> assertThat(((Recipient) s.recipient()).name()).containsAnyOf(" ", "\u3000"));
        assertThat(services)
                .anySatisfy(
                        s -> assertThat(((Recipient) s.recipient()).idNumber()).hasSize(15));
        assertThat(services)
                .anySatisfy(s -> assertThat(((Recipient) s.recipient()).phone()).containsAnyOf("０", "１", "８", "９"));
    }

    @Test
    void makesTheSameEventsFromTheSameSeed() {
        CitySimulator again = new CitySimulator(SimulatorConfig.defaults(), Regions.load());
        List<CareEvent> replay = again.stream(MIDNIGHT, STEP).limit(5_000).toList();

        assertThat(replay).isEqualTo(day.subList(0, 5_000));
    }

    private List<ServiceDelivered> services() {
        return day.stream()
                .filter(e -> e.type() == EventType.SERVICE_DELIVERED)
                .map(e -> e.dataAs(ServiceDelivered.class))
                .toList();
    }

    private Map<String, Long> countByKind(String districtCode) {
        return simulator.facilities().stream()
                .filter(f -> f.districtCode().equals(districtCode))
                .collect(Collectors.groupingBy(f -> f.kind().name(), Collectors.counting()));
    }
}
