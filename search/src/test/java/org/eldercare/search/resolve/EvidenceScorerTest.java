package org.eldercare.search.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eldercare.search.resolve.People.idNumber;
import static org.eldercare.search.resolve.People.profile;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EvidenceScorerTest {

    private static final LocalDate HIS_BIRTH = LocalDate.of(1948, 3, 12);
    private static final LocalDate HER_BIRTH = LocalDate.of(1951, 7, 2);
    private static final String HIS_ID = idNumber("110109", HIS_BIRTH, 11);
    private static final String HER_ID = idNumber("110109", HER_BIRTH, 22);
    private static final String HOME = "门头沟区大峪街道新桥大街12号";
    private static final String HOME_PHONE = "13811112222";

    private final EvidenceScorer scorer = new EvidenceScorer(EvidenceWeights.DEFAULT);
    private final double link = ResolutionThresholds.DEFAULT.link();

    @Test
    void linksTheSamePersonByValidIdNumberDespiteAHomophoneInTheName() {
        Score score = scorer.score(
                profile("张伟", HIS_ID, null, null, null, null), profile("章伟", HIS_ID, HOME_PHONE, HIS_BIRTH, "M", HOME));

        assertThat(score.probability()).isGreaterThanOrEqualTo(link);
        assertThat(score.matchedOn()).contains("idNumber", "name");
    }

    @Test
    void linksAMistypedIdNumberToTheValidOneItIsASlipOf() {
        String typo = HIS_ID.substring(0, 9) + (char) ('0' + (HIS_ID.charAt(9) - '0' + 3) % 10) + HIS_ID.substring(10);

        Score score = scorer.score(
                profile("张伟", typo, null, null, null, HOME), profile("张伟", HIS_ID, null, null, null, null));

        assertThat(score.probability()).isGreaterThanOrEqualTo(link);
        assertThat(score.matchedOn()).contains("idNumber");
    }

    @Test
    void linksSwappedGivenNameWithSameBirthDateAndPhone() {
        Score score = scorer.score(
                profile("王国建", null, HOME_PHONE, HIS_BIRTH, null, null),
                profile("王建国", null, HOME_PHONE, HIS_BIRTH, "M", HOME));

        assertThat(score.probability()).isGreaterThanOrEqualTo(link);
    }

    @Test
    void keepsSpousesSharingAPhoneApart() {
        Score score = scorer.score(
                profile("李秀英", null, HOME_PHONE, HER_BIRTH, "F", HOME),
                profile("张伟", HIS_ID, HOME_PHONE, null, null, HOME));

        assertThat(score.probability()).isLessThan(link);
    }

    @Test
    void keepsNamesakesWithDifferentBirthDatesApart() {
        Score score = scorer.score(
                profile("王秀英", null, null, HER_BIRTH, "F", HOME),
                profile("王秀英", null, "13900001111", LocalDate.of(1939, 1, 5), "F", HOME));

        assertThat(score.probability()).isLessThan(link);
    }

    @Test
    void neverLinksTwoDifferentValidIdNumbersWhateverElseAgrees() {
        Score score = scorer.score(
                profile("张伟", HIS_ID, HOME_PHONE, HIS_BIRTH, "M", HOME),
                profile("张伟", HER_ID, HOME_PHONE, HIS_BIRTH, "M", HOME));

        assertThat(score.conflict()).isTrue();
        assertThat(score.probability()).isLessThan(link);
    }

    @Test
    void keepsTwinsWithoutIdNumbersApart() {
        Score score = scorer.score(
                profile("王建国", null, HOME_PHONE, HIS_BIRTH, "M", HOME),
                profile("王建军", null, HOME_PHONE, HIS_BIRTH, "M", HOME));

        assertThat(score.probability()).isLessThan(link);
    }

    @Test
    void judgesBirthDatesByTheirKeyedDigestsATypingSlipAsOneFieldOff() {
        // docs/CONTRACT.md §6.2, §6.7: a profile holds a birth date only as digests, in state as in the index.
        RecipientProfile query = profile("张伟", null, HOME_PHONE, HIS_BIRTH, null, null);
        double without = scorer.score(query, profile("张伟", null, HOME_PHONE, null, null, null))
                .logOdds();
        EvidenceWeights w = EvidenceWeights.DEFAULT;
        Object[][] cases = {
            {HIS_BIRTH, w.birthAgree()},
            {LocalDate.of(1948, 3, 21), w.birthOneFieldOff()}, // day mistyped
            {LocalDate.of(1948, 4, 12), w.birthOneFieldOff()}, // month mistyped
            {LocalDate.of(1958, 3, 12), w.birthOneFieldOff()}, // year mistyped
            {HER_BIRTH, w.birthDiffer()},
        };
        for (Object[] c : cases) {
            Score score = scorer.score(query, profile("张伟", null, HOME_PHONE, (LocalDate) c[0], null, null));

            assertThat(score.logOdds() - without).as("born " + c[0]).isCloseTo((double) c[1], within(1e-9));
            assertThat(score.matchedOn().contains("birthDate"))
                    .as("born " + c[0])
                    .isEqualTo(c[0].equals(HIS_BIRTH));
        }
        assertThat(query.birthYears()).containsExactly(1948);
        assertThat(query.birthDigests()).hasSize(4).noneMatch(d -> d.contains("1948") || d.contains("03-12"));
    }

    private static final String FLAT = "北京市大兴区兴丰街道康庄路12号院1号楼";
    private static final String FLAT_NO_STREET = "大兴区康庄路12号院1号楼";
    private static final String NEXT_BUILDING = "大兴区兴丰街道康庄路12号院7号楼";

    @Test
    void takesTheSameNameAtTheSameDwellingAsIdentifyingEvenWithoutTheStreet() {
        // The record gives a name, a sex and an address whose street is left out: it has no blocking key but the
        // dwelling, and nothing identifying but the name at that door.
        Score score = scorer.score(
                profile("雷山兰", null, null, null, "F", FLAT_NO_STREET),
                profile("雷山兰", HER_ID, HOME_PHONE, null, "F", FLAT));

        assertThat(score.identifying()).isTrue();
        assertThat(ResolutionThresholds.DEFAULT.uncertain(score)).isFalse();
        assertThat(score.evidence())
                .filteredOn(f -> f.field().equals("address"))
                .singleElement()
                .satisfies(f -> assertThat(f.weight())
                        .isEqualTo(EvidenceWeights.DEFAULT.streetAgree() + EvidenceWeights.DEFAULT.dwellingAgree()));
    }

    @Test
    void givesANamesakeInTheNextBuildingNoDwellingEvidence() {
        Score score = scorer.score(
                profile("王秀英", null, null, null, "F", NEXT_BUILDING),
                profile("王秀英", null, HOME_PHONE, null, "F", FLAT));

        assertThat(score.identifying()).isFalse();
        assertThat(ResolutionThresholds.DEFAULT.uncertain(score)).isTrue();
    }

    @Test
    void givesTwinsAndSpousesAtOneDwellingNoDwellingEvidence() {
        RecipientProfile him = profile("王建国", null, HOME_PHONE, HIS_BIRTH, "M", FLAT);
        Score twin = scorer.score(profile("王建军", null, HOME_PHONE, HIS_BIRTH, "M", FLAT), him);
        Score wife = scorer.score(profile("李秀英", null, HOME_PHONE, HER_BIRTH, "F", FLAT), him);

        assertThat(twin.nameAtDwelling()).isFalse();
        assertThat(twin.probability()).isLessThan(link);
        assertThat(wife.nameAtDwelling()).isFalse();
        assertThat(wife.probability()).isLessThan(link);
    }

    @Test
    void letsNoDwellingOutweighAPhoneThatDisagrees() {
        Score score = scorer.score(
                profile("雷山兰", null, "13900001111", null, "F", FLAT),
                profile("雷山兰", null, HOME_PHONE, null, "F", FLAT));

        assertThat(score.identifying()).isFalse();
        assertThat(ResolutionThresholds.DEFAULT.uncertain(score)).isTrue();
    }
}
