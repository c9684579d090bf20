package org.eldercare.search.resolve;

import static org.assertj.core.api.Assertions.assertThat;
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
    void judgesBirthDigestsFromTheIndexExactlyAsItJudgesTheDates() {
        // docs/CONTRACT.md §6.2: the index holds digests only; a match must score as the resolver did.
        for (LocalDate other :
                new LocalDate[] {HIS_BIRTH, LocalDate.of(1948, 3, 21), LocalDate.of(1948, 4, 12), HER_BIRTH}) {
            RecipientProfile query = profile("张伟", null, HOME_PHONE, HIS_BIRTH, null, null);
            RecipientProfile stored = profile("张伟", null, HOME_PHONE, other, null, null);
            RecipientProfile indexed = digestsOnly(stored);

            Score byDates = scorer.score(query, stored);
            Score byDigests =
                    scorer.score(query.withBirthDigests(People.NORMALIZER.pii().birthDigests(HIS_BIRTH)), indexed);

            assertThat(byDigests.logOdds()).as("born " + other).isEqualTo(byDates.logOdds());
            assertThat(byDigests.matchedOn()).as("born " + other).isEqualTo(byDates.matchedOn());
        }
    }

    private static RecipientProfile digestsOnly(RecipientProfile p) {
        java.util.Set<String> digests = new java.util.LinkedHashSet<>();
        p.birthDates().forEach(d -> digests.addAll(People.NORMALIZER.pii().birthDigests(d)));
        return new RecipientProfile(
                p.names(),
                p.idHashes(),
                p.weakIdHashes(),
                p.idCorrectionHashes(),
                p.phoneHashes(),
                java.util.Set.of(),
                p.genders(),
                p.districtCodes(),
                p.streetCodes(),
                p.locations(),
                digests);
    }
}
