package org.eldercare.search.match;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.junit.jupiter.api.Test;

class CandidateQueryBuilderTest {

    private static final String PHONE = "13566667777";
    private final RecipientNormalizer normalizer =
            new RecipientNormalizer(Pii.withKey("test-key-for-recipients"), new Addresses(Regions.load()));

    @Test
    void requiresOneIdentifyingClauseAndUsesTheStreetOnlyToRank() {
        NormalizedRecipient q = normalizer.normalize(
                new Recipient("张建国", null, PHONE, null, LocalDate.of(1944, 4, 4), "门头沟区大峪街道", null));

        Query query = CandidateQueryBuilder.build(q);
        String json = query.toString();

        assertThat(query.isBool()).isTrue();
        assertThat(query.bool().must())
                .singleElement()
                .satisfies(m -> assertThat(m.bool().minimumShouldMatch()).isEqualTo("1"));
        assertThat(json)
                .contains("\"phoneHashes\":[\"" + q.phoneHash() + "\"]")
                .contains("\"namePinyin\":[\"zhangjianguo\"]")
                .contains("张建", "建国")
                .contains("\"birthDigests\":[\"" + normalizer.pii().birthDateDigest(LocalDate.of(1944, 4, 4)) + "\"]")
                .contains("zhang|d:")
                .doesNotContain("1944-04-04", "19440404");
        assertThat(query.bool().should())
                .singleElement()
                .satisfies(s -> assertThat(s.terms().field()).isEqualTo("streetCodes"));
    }

    @Test
    void searchesTheOneSlipCorrectionsOfAMistypedIdNumber() {
        NormalizedRecipient q =
                normalizer.normalize(new Recipient("张建国", "110109194404040070", null, null, null, null, null));

        String json = CandidateQueryBuilder.build(q).toString();

        assertThat(q.idValid()).isFalse();
        assertThat(q.idCorrectionHashes())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(json).contains(h));
        assertThat(json).doesNotContain("110109194404040070");
    }

    @Test
    void matchesNothingForAQueryWithNothingToSearchBy() {
        NormalizedRecipient q = normalizer.normalize(new Recipient("", null, null, null, null, null, null));

        assertThat(CandidateQueryBuilder.build(q).isMatchNone()).isTrue();
    }
}
