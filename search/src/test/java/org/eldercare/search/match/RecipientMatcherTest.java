package org.eldercare.search.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecipientMatcherTest {

    private static final RecipientNormalizer NORMALIZER =
            new RecipientNormalizer(Pii.withKey("test-key-for-recipients"), new Addresses(Regions.load()));
    private static final LocalDate HIS_BIRTH = LocalDate.of(1944, 4, 4);
    private static final String HIS_ID = id("110109", HIS_BIRTH, 7);
    private static final String PHONE = "13566667777";

    private RecipientMatcher matcher;

    private static String id(String prefix, LocalDate birth, int seq) {
        String body = prefix + birth.toString().replace("-", "") + String.format("%03d", seq);
        return body + IdNumbers.checkChar(body);
    }

    @BeforeEach
    void servedRecipients() {
        InMemoryPersonStore store = new InMemoryPersonStore();
        RecipientResolver resolver = new RecipientResolver(store, new MergeLog(), ResolutionThresholds.DEFAULT);
        List<Recipient> records = List.of(
                new Recipient("张建国", HIS_ID, PHONE, "M", null, "门头沟区大峪街道新桥大街1号", null),
                new Recipient("张建国", null, PHONE, null, HIS_BIRTH, null, null),
                new Recipient("李淑珍", null, PHONE, "F", LocalDate.of(1948, 8, 8), "门头沟区大峪街道新桥大街1号", null),
                new Recipient("张建国", id("110115", LocalDate.of(1960, 1, 1), 9), null, "M", null, "大兴区黄村镇", null));
        for (int i = 0; i < records.size(); i++) {
            resolver.resolve(
                    "op-1:r" + i,
                    Instant.parse("2025-05-01T09:00:00Z").plusSeconds(i),
                    NORMALIZER.normalize(records.get(i)));
        }
        InMemoryCandidateSource source = new InMemoryCandidateSource(
                store.persons().stream().map(p -> RecipientDocument.of(p)).toList());
        matcher = new RecipientMatcher(NORMALIZER, source, ResolutionThresholds.DEFAULT);
    }

    @Test
    void answersMatchForTheRightPersonByIdNumber() {
        List<MatchCandidate> candidates =
                matcher.match(new MatchRequest("章建国", "１１０１０９" + HIS_ID.substring(6), null, null, null, null, null));

        assertThat(candidates.getFirst().decision()).isEqualTo(Decision.MATCH);
        assertThat(candidates.getFirst().matchedOn()).contains("idNumber", "name");
        assertThat(candidates.getFirst().servicesCount()).isEqualTo(2);
        assertThat(candidates.getFirst().idNumberMasked()).isEqualTo("110109********" + HIS_ID.substring(14));
        assertThat(candidates.getFirst().phoneMasked()).isEqualTo("135****7777");
    }

    @Test
    void ranksTheNamesakeBelowAndNeverAnswersMatchForBoth() {
        List<MatchCandidate> candidates = matcher.match(new MatchRequest("张建国", null, PHONE, null, "M", null, null));

        assertThat(candidates.getFirst().birthYear()).isEqualTo(HIS_BIRTH.getYear());
        assertThat(candidates.stream().filter(c -> c.decision() == Decision.MATCH))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(candidates).noneMatch(c -> c.name().equals("李淑珍") && c.decision() == Decision.MATCH);
    }

    @Test
    void answersNothingWhenNobodyPlausibleExists() {
        assertThat(matcher.match(
                        new MatchRequest("赵丽华", null, "13900000000", LocalDate.of(1950, 1, 1), null, null, null)))
                .isEmpty();
    }

    @Test
    void rejectsAQueryWithoutNameNamingTheField() {
        assertThatThrownBy(() -> matcher.match(new MatchRequest(" ", HIS_ID, null, null, null, null, null)))
                .hasMessage("name: must not be blank");
    }

    @Test
    void neverShowsTheQueriedNumbersInToString() {
        MatchRequest request = new MatchRequest("张建国", HIS_ID, PHONE, null, null, null, null);

        assertThat(request.toString()).doesNotContain(HIS_ID).doesNotContain(PHONE);
        assertThat(matcher.match(request).toString()).doesNotContain(HIS_ID).doesNotContain(PHONE);
    }
}
