package org.eldercare.streaming.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.register.CareLabel.AGE_80_PLUS;
import static org.eldercare.search.register.CareLabel.DISABLED_MODERATE_OR_WORSE;
import static org.eldercare.search.register.CareLabel.EMPTY_NEST;
import static org.eldercare.search.register.CareLabel.LIVING_ALONE;
import static org.eldercare.search.register.CareLabel.MINIMUM_SUBSISTENCE;
import static org.eldercare.streaming.fixtures.Events.assessed;
import static org.eldercare.streaming.fixtures.Events.at;
import static org.eldercare.streaming.fixtures.Events.personRegistered;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonRegisterTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String KEY = "person-register-test-key";
    private static final org.eldercare.streaming.pii.PiiSecrets SECRETS =
            org.eldercare.streaming.fixtures.TestPiiSecrets.withHmacKey(KEY);

    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PersonRegister(SECRETS), CareEvent::partitionKey, Types.STRING);
        harness.setProcessingTime(millisAt(TODAY, 9));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aRegisteredPersonIsPublishedMaskedWithTheLabelsAndServicesDueToThem() throws Exception {
        harness.processElement(
                personRegistered(
                        "p-1",
                        LocalDate.parse("1950-03-02"),
                        LivingArrangement.ALONE,
                        new Benefit(BenefitType.MINIMUM_SUBSISTENCE, LocalDate.parse("2024-01-01"), null)),
                0);

        PersonDocument doc = latest();
        assertThat(labels(doc)).containsExactly(LIVING_ALONE, EMPTY_NEST, MINIMUM_SUBSISTENCE);
        assertThat(doc.entitlements()).containsExactly("MINIMUM_SUBSISTENCE_ALLOWANCE", "VISIT");
        assertThat(doc.nameMasked()).isEqualTo("王*英");
        assertThat(doc.idNumberMasked())
                .isEqualTo("110109********123" + doc.idNumberMasked().charAt(17));
        assertThat(doc.phoneMasked()).isEqualTo("138****5678");
        assertThat(doc.birthYear()).isEqualTo(1950);
        assertThat(doc.age()).isEqualTo(76);
        String idNumber = "110109195003021" + "23" + doc.idNumberMasked().charAt(17);
        assertThat(doc.idNumberDigest())
                .as("the same keyed digest the recipients index holds, to join service records")
                .isEqualTo(Pii.withKey(KEY).hashIdNumber(idNumber));
        assertThat(doc.toString())
                .as("no full ID number, phone or birth date in the document")
                .doesNotContain("19500302")
                .doesNotContain("13812345678")
                .doesNotContain("1950-03-02");
    }

    @Test
    void opensASealedIdentityInMemoryAndPublishesTheSameMasksAndDigest() throws Exception {
        CareEvent raw = personRegistered("p-1", LocalDate.parse("1950-03-02"), LivingArrangement.ALONE);
        CareEvent sealed = SECRETS.tokeniser().seal(raw);
        assertThat(((org.eldercare.ingest.event.PersonDetails) sealed.data()).identity())
                .isInstanceOf(org.eldercare.ingest.event.SealedRecipient.class);

        harness.processElement(sealed, 0);

        PersonDocument doc = latest();
        assertThat(doc.idNumberMasked()).startsWith("110109********");
        assertThat(doc.age()).isEqualTo(76);
        assertThat(labels(doc)).containsExactly(LIVING_ALONE, EMPTY_NEST);
    }

    @Test
    void theEightyPlusLabelAndItsAllowanceArriveAtMidnightOnTheBirthdayWithNoNewEvent() throws Exception {
        harness.setProcessingTime(millisAt(TODAY, 23));
        harness.processElement(
                personRegistered("p-1", LocalDate.parse("1946-12-02"), LivingArrangement.WITH_FAMILY), 0);
        assertThat(labels(latest())).isEmpty();
        int published = harness.extractOutputValues().size();

        harness.setProcessingTime(millisAt(TODAY.plusDays(1), 0) - 1);
        assertThat(harness.extractOutputValues())
                .as("nothing changes before midnight")
                .hasSize(published);

        harness.setProcessingTime(millisAt(TODAY.plusDays(1), 0));
        PersonDocument birthday = latest();
        assertThat(labels(birthday)).containsExactly(AGE_80_PLUS);
        assertThat(birthday.age()).isEqualTo(80);
        assertThat(birthday.entitlements()).containsExactly("AGE_ALLOWANCE");
        assertThat(birthday.labelsOn()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void inTheYearOfTheEightiethBirthdayTheLabelsAreLookedAtEveryMidnightSoNoTimerFallsOnTheBirthday()
            throws Exception {
        LocalDate born = TODAY.plusDays(5).minusYears(80);
        harness.processElement(personRegistered("p-1", born, LivingArrangement.WITH_FAMILY), 0);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        for (int day = 1; day < 5; day++) {
            harness.setProcessingTime(millisAt(TODAY.plusDays(day), 0));
            assertThat(latest().labelsOn()).as("ticked on day " + day).isEqualTo(TODAY.plusDays(day));
            assertThat(labels(latest())).as("day " + day).isEmpty();
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        }
        harness.setProcessingTime(millisAt(TODAY.plusDays(5), 0));
        assertThat(labels(latest())).containsExactly(AGE_80_PLUS);
        assertThat(latest().age()).isEqualTo(80);

        harness.setProcessingTime(millisAt(TODAY.plusDays(6), 0));
        assertThat(latest().labelsOn())
                .as("the ticks go on after the birthday, so when they stop says nothing of it")
                .isEqualTo(TODAY.plusDays(6));
    }

    @Test
    void aBenefitLabelLeavesTheDayAfterTheBenefitEnds() throws Exception {
        harness.processElement(
                personRegistered(
                        "p-1",
                        LocalDate.parse("1950-03-02"),
                        LivingArrangement.WITH_FAMILY,
                        new Benefit(BenefitType.MINIMUM_SUBSISTENCE, LocalDate.parse("2024-01-01"), TODAY)),
                0);
        assertThat(labels(latest())).containsExactly(MINIMUM_SUBSISTENCE);

        harness.setProcessingTime(millisAt(TODAY.plusDays(1), 0));

        assertThat(labels(latest())).isEmpty();
        assertThat(latest().entitlements()).isEmpty();
    }

    @Test
    void anAssessmentGivesItsDisabilityLabelAndSurvivesALaterUpdateOfTheDetails() throws Exception {
        harness.processElement(personRegistered("p-1", LocalDate.parse("1950-03-02"), LivingArrangement.ALONE), 0);
        harness.processElement(assessed("as-1", "p-1", 3, LocalDate.parse("2026-11-01")), 0);
        assertThat(labels(latest())).containsExactly(LIVING_ALONE, EMPTY_NEST, DISABLED_MODERATE_OR_WORSE);
        assertThat(latest().entitlements()).containsExactly("VISIT");

        harness.processElement(
                at(
                        Events.T0.plusHours(1),
                        personRegistered("p-1", LocalDate.parse("1950-03-02"), LivingArrangement.WITH_FAMILY)),
                0);

        assertThat(labels(latest())).containsExactly(DISABLED_MODERATE_OR_WORSE);
        assertThat(latest().assessment().assessmentId()).isEqualTo("as-1");
    }

    @Test
    void anOlderUpdateOfTheDetailsDoesNotOverwriteANewerOne() throws Exception {
        harness.processElement(
                at(
                        Events.T0.plusHours(1),
                        personRegistered("p-1", LocalDate.parse("1950-03-02"), LivingArrangement.ALONE)),
                0);
        harness.processElement(
                personRegistered("p-1", LocalDate.parse("1950-03-02"), LivingArrangement.WITH_FAMILY), 0);

        assertThat(latest().livingArrangement()).isEqualTo(LivingArrangement.ALONE);
    }

    @Test
    void anAssessmentOfAPersonTheRegisterDoesNotKnowIsRejectedNamingThePersonId() throws Exception {
        harness.processElement(assessed("as-1", "p-9", 2, LocalDate.parse("2026-11-01")), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(PersonRegister.REJECTED))
                .extracting(StreamRecord::getValue)
                .flatExtracting(r -> r.reasons())
                .containsExactly("data.personId: no registered person p-9");
    }

    private PersonDocument latest() {
        List<PersonDocument> out = harness.extractOutputValues();
        return out.getLast();
    }

    private static List<CareLabel> labels(PersonDocument doc) {
        return doc.labels().stream().map(Label::label).toList();
    }

    private static long millisAt(LocalDate day, int hour) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0))
                .atZone(ShanghaiTime.ZONE)
                .toInstant()
                .toEpochMilli();
    }
}
