package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.assessmentRecorded;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.personRegistered;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.fixtures.EventJson;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;

/** The register's rules of docs/CONTRACT.md §7.2. */
class RegisterDataTest {

    @Test
    void readsARegisteredPersonWithTheRegistersAddressBesideTheIdentity() {
        PersonDetails person = valid(personRegistered("p-1")).dataAs(PersonDetails.class);

        assertThat(person.personId()).isEqualTo("p-1");
        assertThat(person.streetCode()).isEqualTo(TestStreets.STREET);
        assertThat(person.livingArrangement()).isEqualTo(LivingArrangement.ALONE);
        assertThat(person.benefits())
                .containsExactly(new Benefit(BenefitType.MINIMUM_SUBSISTENCE, LocalDate.parse("2024-01-01"), null));
        assertThat(person.disabilityCertificateLevel()).isEqualTo(3);
        Recipient identity = (Recipient) person.identity();
        assertThat(identity.idNumber()).isEqualTo(Events.REGISTERED_ID_NUMBER);
        assertThat(identity.birthDate()).isEqualTo(LocalDate.parse("1945-03-02"));
        assertThat(person.address()).isEqualTo("门头沟区大峪街道新桥大街12号");
        assertThat(person.toString())
                .doesNotContain(Events.REGISTERED_ID_NUMBER)
                .doesNotContain("王秀英");
    }

    @Test
    void takesTheBirthDateFromTheIdNumberWhenNoneIsGiven() {
        PersonDetails person =
                valid(personRegistered("p-1").remove("data.identity.birthDate")).dataAs(PersonDetails.class);

        assertThat(((Recipient) person.identity()).birthDate()).isEqualTo(LocalDate.parse("1945-03-02"));
    }

    @Test
    void refusesAnIdNumberWithAWrongCheckCharacterOrAnImpossibleDate() {
        assertThat(errorsOf(personRegistered("p-1").set("data.identity.idNumber", "110109194503021234")))
                .containsExactly("data.identity.idNumber: must be a valid 18-character GB 11643 ID number");
        assertThat(errorsOf(personRegistered("p-1")
                        .remove("data.identity.birthDate")
                        .set("data.identity.idNumber", "11010919450230123X")))
                .containsExactly("data.identity.idNumber: must be a valid 18-character GB 11643 ID number");
        assertThat(errorsOf(personRegistered("p-1").set("data.identity.idNumber", "110109450302123")))
                .as("a 15-digit number of the old form")
                .containsExactly("data.identity.idNumber: must be a valid 18-character GB 11643 ID number");
    }

    @Test
    void refusesABirthDateThatDisagreesWithTheIdNumber() {
        assertThat(errorsOf(personRegistered("p-1").set("data.identity.birthDate", "1945-03-03")))
                .containsExactly("data.identity.birthDate: must equal the birth date in identity.idNumber");
    }

    @Test
    void needsAnIdNumberOrABirthDateForTheAgeLabels() {
        assertThat(errorsOf(
                        personRegistered("p-1").remove("data.identity.idNumber").remove("data.identity.birthDate")))
                .containsExactly("data.identity: must hold idNumber or birthDate: age labels need a birth date");
    }

    @Test
    void refusesAStreetOutsideTheDistrictAndAnUnknownLivingArrangement() {
        assertThat(errorsOf(personRegistered("p-1").set("data.streetCode", TestStreets.OTHER_STREET)))
                .containsExactly("data.streetCode: must lie in district " + TestStreets.DISTRICT);
        assertThat(errorsOf(personRegistered("p-1").set("data.livingArrangement", "WITH_PETS")))
                .singleElement()
                .asString()
                .startsWith("data.livingArrangement: must be one of ALONE, COUPLE_ONLY");
    }

    @Test
    void refusesABenefitThatEndsBeforeItStartsNamingTheItem() {
        assertThat(errorsOf(personRegistered("p-1")
                        .set(
                                "data.benefits",
                                List.of(
                                        Map.of("type", "SPECIAL_HARDSHIP", "from", "2024-01-01"),
                                        Map.of("type", "LOW_INCOME", "from", "2025-06-01", "to", "2025-05-31")))))
                .containsExactly("data.benefits[1].to: must not be before from (2025-06-01)");
    }

    @Test
    void refusesMoreThanEightBenefits() {
        assertThat(errorsOf(personRegistered("p-1")
                        .set(
                                "data.benefits",
                                Collections.nCopies(9, Map.of("type", "LOW_INCOME", "from", "2024-01-01")))))
                .containsExactly("data.benefits: must hold at most 8 items");
    }

    @Test
    void refusesACertificateLevelOutsideOneToFour() {
        assertThat(errorsOf(personRegistered("p-1").set("data.disabilityCertificateLevel", 5)))
                .containsExactly("data.disabilityCertificateLevel: must be between 1 and 4");
    }

    @Test
    void readsAnAssessmentAndRefusesALevelAboveFourOrAReassessmentNotAfterIt() {
        assertThat(valid(assessmentRecorded("as-1", "p-1", 4)).data())
                .isEqualTo(new AssessmentRecorded(
                        "as-1",
                        "p-1",
                        4,
                        LocalDate.parse("2026-11-01"),
                        "门头沟区老年人能力评估中心",
                        LocalDate.parse("2027-11-01")));
        assertThat(errorsOf(assessmentRecorded("as-1", "p-1", 5)))
                .containsExactly("data.level: must be between 0 and 4");
        assertThat(errorsOf(assessmentRecorded("as-1", "p-1", 2).set("data.reassessDueOn", "2026-11-01")))
                .containsExactly("data.reassessDueOn: must be after assessedOn (2026-11-01)");
        assertThat(errorsOf(assessmentRecorded("as-1", "p-1", 2).set("data.assessedOn", "2026-11-24")))
                .containsExactly("data.assessedOn: must not be in the future");
    }

    @Test
    void onlyACivilAffairsOfficeSendsTheRegisterAndItSendsNothingElse() {
        assertThat(errorsOf(personRegistered("p-1").source("/operators/op-1")))
                .containsExactly("source: person.registered must come from /civil-affairs/<office>");
        assertThat(errorsOf(bedOccupied("f-1", 1).source(Events.CIVIL_AFFAIRS_SOURCE)))
                .containsExactly("source: bed.occupied must come from /operators/<operatorId>");
        assertThat(errorsOf(personRegistered("p-1").source("/civil-affairs/")))
                .singleElement()
                .asString()
                .startsWith("source: must be /operators/<operatorId>, /civil-affairs/<office> or /hotline/<desk>");
    }

    @Test
    void readsTheSealedIdentityThePlatformWritesToTheTopic() {
        EventJson sealed = personRegistered("p-1")
                .remove("data.identity")
                .set("data.identity.sealed", "k1:" + "c2VhbGVkLWlkZW50aXR5".repeat(2))
                .set("data.identity.idMasked", "110109********1230");

        PersonDetails person = valid(sealed).dataAs(PersonDetails.class);

        assertThat(person.identity()).isInstanceOf(SealedRecipient.class);
        assertThat(((SealedRecipient) person.identity()).idMasked()).isEqualTo("110109********1230");
    }

    @Test
    void keysAPersonsRegistrationAndAssessmentsAlikeSoTheyStayInOrder() {
        assertThat(valid(personRegistered("p-1")).partitionKey()).isEqualTo("person/p-1");
        assertThat(valid(assessmentRecorded("as-1", "p-1", 1)).partitionKey()).isEqualTo("person/p-1");
    }
}
