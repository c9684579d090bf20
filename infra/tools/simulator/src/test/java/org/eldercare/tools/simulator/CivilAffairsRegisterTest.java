package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The street offices' register the simulator sends, read back by the intake's own validation (CONTRACT §7.2). */
class CivilAffairsRegisterTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T09:00:00+08:00");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private static CitySimulator simulator;
    private static List<CareEvent> register;
    private static List<CareEvent> changes;

    @BeforeAll
    static void registerTheOlderPeopleOfBothDistricts() {
        simulator = new CitySimulator(SimulatorConfig.defaults(), Regions.load());
        register = simulator.register(NOW);
        changes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            changes.add(simulator.registerChange(NOW.plus(Duration.ofSeconds(2L * i))));
        }
    }

    @Test
    void everyRegisterEventPassesTheIntakesValidationAsACivilAffairsOfficeSendsIt() {
        EventReader reader = new EventReader(Regions.load(), Clock.systemUTC());
        List<CareEvent> all = new ArrayList<>(register);
        all.addAll(changes);

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
                .allSatisfy(e -> assertThat(e.source()).matches("/civil-affairs/\\d{9}"))
                .extracting(CareEvent::type)
                .containsOnly(EventType.PERSON_REGISTERED, EventType.PERSON_UPDATED, EventType.ASSESSMENT_RECORDED);
    }

    @Test
    void registersAShareOfEachStreetOfWhomAboutHalfAreAlsoServed() {
        List<PersonDetails> people = register.stream()
                .filter(e -> e.type() == EventType.PERSON_REGISTERED)
                .map(e -> e.dataAs(PersonDetails.class))
                .toList();
        Set<String> servedIds = simulator.servedIdNumbers();
        long served = people.stream()
                .map(p -> ((Recipient) p.identity()).idNumber())
                .filter(Objects::nonNull)
                .filter(servedIds::contains)
                .count();

        assertThat(people).hasSize(simulator.registered()).hasSizeBetween(2_900, 3_100);
        assertThat(served).as("registered people the operators also serve").isBetween(900L, 2_000L);
        assertThat(people.size() - served).as("registered people nobody serves").isGreaterThan(900);
        Map<String, Long> perStreet =
                people.stream().collect(Collectors.groupingBy(PersonDetails::streetCode, Collectors.counting()));
        assertThat(perStreet)
                .as("every street of both districts has its register")
                .hasSizeGreaterThan(30);
        assertThat(people).extracting(PersonDetails::livingArrangement).contains(LivingArrangement.values());
    }

    @Test
    void theOperatorsServeRegisteredPeopleUnderTheSameIdentityWithTheirUsualSlips() {
        Set<String> registeredIds = register.stream()
                .filter(e -> e.type() == EventType.PERSON_REGISTERED)
                .map(e -> ((Recipient) e.dataAs(PersonDetails.class).identity()).idNumber())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());

        List<Recipient> recipients = simulator.stream(NOW, Duration.ofSeconds(2))
                .limit(30_000)
                .filter(e -> e.type() == EventType.SERVICE_DELIVERED)
                .map(e -> e.dataAs(ServiceDelivered.class).recipient())
                .map(Recipient.class::cast)
                .toList();

        assertThat(recipients)
                .as("service records whose recipient is a registered person, by their exact ID number")
                .filteredOn(r -> registeredIds.contains(r.idNumber()))
                .hasSizeGreaterThan(100);
        assertThat(recipients)
                .as("and records of registered people written with a slip or no ID at all")
                .filteredOn(r -> r.idNumber() == null || r.idNumber().length() == 15)
                .isNotEmpty();
    }

    @Test
    void assessesAtEveryLevelWithSomeReassessmentsOverdue() {
        List<AssessmentRecorded> assessments = register.stream()
                .filter(e -> e.type() == EventType.ASSESSMENT_RECORDED)
                .map(e -> e.dataAs(AssessmentRecorded.class))
                .toList();

        assertThat(assessments).extracting(AssessmentRecorded::level).contains(0, 1, 2, 3, 4);
        assertThat(assessments)
                .filteredOn(a -> a.reassessDueOn().isBefore(TODAY))
                .hasSizeBetween(assessments.size() / 5, assessments.size() / 2);
        assertThat(register.indexOf(register.stream()
                        .filter(e -> e.type() == EventType.ASSESSMENT_RECORDED)
                        .findFirst()
                        .orElseThrow()))
                .as("assessments after every registration")
                .isEqualTo(simulator.registered());
    }

    @Test
    void changesMovePeopleStartAndEndBenefitsAndChangeHouseholds() {
        List<PersonDetails> updates = changes.stream()
                .filter(e -> e.type() == EventType.PERSON_UPDATED)
                .map(e -> e.dataAs(PersonDetails.class))
                .toList();
        Map<String, PersonDetails> first = register.stream()
                .filter(e -> e.type() == EventType.PERSON_REGISTERED)
                .map(e -> e.dataAs(PersonDetails.class))
                .collect(Collectors.toMap(PersonDetails::personId, p -> p));

        assertThat(updates).hasSizeGreaterThan(1_000);
        assertThat(updates)
                .as("moves")
                .anySatisfy(u -> assertThat(u.address())
                        .isNotEqualTo(first.get(u.personId()).address()));
        assertThat(updates)
                .as("benefits starting today")
                .anySatisfy(u -> assertThat(u.benefits()).anyMatch(b -> b.from().equals(TODAY)));
        assertThat(updates)
                .as("benefits ended yesterday")
                .anySatisfy(u -> assertThat(u.benefits())
                        .anyMatch(b -> TODAY.minusDays(1).equals(b.to())));
        assertThat(updates).as("a spouse gone: living alone now").anySatisfy(u -> {
            assertThat(first.get(u.personId()).livingArrangement()).isEqualTo(LivingArrangement.COUPLE_ONLY);
            assertThat(u.livingArrangement()).isEqualTo(LivingArrangement.ALONE);
        });
        assertThat(changes).extracting(CareEvent::type).contains(EventType.ASSESSMENT_RECORDED);
        assertThat(NOW.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate())
                .isEqualTo(TODAY);
    }
}
