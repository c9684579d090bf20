package org.eldercare.search.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eldercare.search.normalize.NormalizedName;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * The candidate clauses of a query, shared by the Elasticsearch query and the in-memory source so both find the
 * same candidates. A person is a candidate when an identity number (or one slip of it), a phone, the name's pinyin
 * or a name bigram, the surname with the birth date, or the birth date agrees; the street only ranks.
 */
public final class CandidateClauses {

    private CandidateClauses() {}

    public static List<CandidateClause> of(NormalizedRecipient q) {
        List<CandidateClause> clauses = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(q.idCorrectionHashes());
        if (q.idHash() != null) {
            ids.add(q.idHash());
        }
        if (!ids.isEmpty()) {
            clauses.add(new CandidateClause("idHashes", List.copyOf(ids), 10f, true));
            clauses.add(new CandidateClause("weakIdHashes", List.copyOf(ids), 8f, true));
        }
        if (q.idHash() != null) {
            clauses.add(new CandidateClause("idCorrectionHashes", List.of(q.idHash()), 8f, true));
        }
        if (q.phoneHash() != null) {
            clauses.add(new CandidateClause("phoneHashes", List.of(q.phoneHash()), 4f, true));
        }
        NormalizedName name = q.name();
        if (!name.isEmpty()) {
            clauses.add(new CandidateClause("namePinyin", List.of(name.pinyin()), 3f, true));
            clauses.add(new CandidateClause("nameBigrams", name.bigrams(), 1f, true));
            if (!q.birthDigests().isEmpty()) {
                clauses.add(new CandidateClause(
                        "surnameBirthKeys",
                        List.of(RecipientDocument.surnameBirthKey(
                                name, q.birthDigests().getFirst())),
                        2f,
                        true));
            }
        }
        if (!q.birthDigests().isEmpty()) {
            // The whole-date digest: the index holds no date to compare with (docs/CONTRACT.md §6.2).
            clauses.add(
                    new CandidateClause("birthDigests", List.of(q.birthDigests().getFirst()), 2f, true));
        }
        if (q.place() != null && q.place().streetCode() != null) {
            clauses.add(new CandidateClause("streetCodes", List.of(q.place().streetCode()), 0.5f, false));
        }
        return clauses;
    }

    /** The values a document holds in a clause's field. */
    static List<String> valuesOf(RecipientDocument d, String field) {
        List<String> values = switch (field) {
            case "idHashes" -> d.idHashes();
            case "weakIdHashes" -> d.weakIdHashes();
            case "idCorrectionHashes" -> d.idCorrectionHashes();
            case "phoneHashes" -> d.phoneHashes();
            case "namePinyin" -> d.namePinyin();
            case "nameBigrams" -> d.nameBigrams();
            case "surnameBirthKeys" -> d.surnameBirthKeys();
            case "birthDigests" -> d.birthDigests();
            case "streetCodes" -> d.streetCodes();
            default -> throw new IllegalArgumentException("field: no candidate clause uses " + field);
        };
        return values == null ? List.of() : values;
    }

    /** Every field a clause may use. */
    static List<String> fields() {
        return List.of(
                "idHashes",
                "weakIdHashes",
                "idCorrectionHashes",
                "phoneHashes",
                "namePinyin",
                "nameBigrams",
                "surnameBirthKeys",
                "birthDigests",
                "streetCodes");
    }
}
