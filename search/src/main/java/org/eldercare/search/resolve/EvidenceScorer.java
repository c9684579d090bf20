package org.eldercare.search.resolve;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.normalize.NameAgreement;
import org.eldercare.search.normalize.NameNormalizer;
import org.eldercare.search.normalize.NameSimilarity;

/**
 * Compares two {@link RecipientProfile}s field by field and sums the evidence as log-odds. Used both to resolve
 * records into persons and to rank match candidates, so a hotline sees the same judgement the resolver made.
 */
public final class EvidenceScorer implements Serializable {

    private static final double NEARBY_KM = 0.3;
    private static final double FAR_KM = 10.0;

    private final EvidenceWeights w;

    public EvidenceScorer(EvidenceWeights weights) {
        this.w = weights;
    }

    public Score score(RecipientProfile a, RecipientProfile b) {
        Evidence e = new Evidence();
        boolean conflict = false;
        if (intersects(a.idHashes(), b.idHashes())) {
            e.agree("idNumber", w.idAgree());
        } else if (!a.idHashes().isEmpty() && !b.idHashes().isEmpty()) {
            e.differ("idNumber", w.idConflict());
            conflict = true;
        } else if (intersects(a.idCorrectionHashes(), b.idHashes())
                || intersects(b.idCorrectionHashes(), a.idHashes())) {
            e.agree("idNumber", w.idOneSlip());
        } else if (intersects(a.weakIdHashes(), b.weakIdHashes())) {
            e.agree("idNumber", w.idSameInvalid());
        } else {
            e.missing("idNumber");
        }
        compare(e, "phone", a.phoneHashes(), b.phoneHashes(), w.phoneAgree(), w.phoneDiffer());
        NameAgreement name = names(e, a.names(), b.names());
        birthDigests(e, a.birthDigests(), b.birthDigests());
        compare(e, "gender", a.genders(), b.genders(), w.genderAgree(), w.genderDiffer());
        boolean sameNameAtDwelling = name.compareTo(NameAgreement.SIMILAR_CHARACTER) <= 0
                && intersects(a.dwellingHashes(), b.dwellingHashes());
        if (sameNameAtDwelling) {
            e.agree("address", w.streetAgree() + w.dwellingAgree());
        } else {
            places(e, a, b);
        }
        locations(e, a.locations(), b.locations());
        double sum = w.prior() + e.sum;
        // The dwelling stands in for a missing identifier, never against one that disagrees (another phone).
        boolean nameAtDwelling = sameNameAtDwelling && !e.identifierDiffers();
        return new Score(sum, 1.0 / (1.0 + Math.exp(-sum)), e.matched, conflict, e.fields, nameAtDwelling);
    }

    /** Adds the names' evidence and returns how well they agree ({@code DIFFERENT} when either has none). */
    private NameAgreement names(Evidence e, Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            e.missing("name");
            return NameAgreement.DIFFERENT;
        }
        NameAgreement best = NameAgreement.DIFFERENT;
        for (String x : a) {
            for (String y : b) {
                NameAgreement agreement =
                        NameSimilarity.compare(NameNormalizer.ofCleanText(x), NameNormalizer.ofCleanText(y));
                if (agreement.compareTo(best) < 0) {
                    best = agreement;
                }
            }
        }
        switch (best) {
            case EXACT -> e.agree("name", w.nameExact());
            case SAME_PINYIN -> e.agree("name", w.nameSamePinyin());
            case SWAPPED_GIVEN -> e.agree("name", w.nameSwapped());
            case SIMILAR_CHARACTER -> e.agree("name", w.nameSimilar());
            case ONE_CHARACTER_OFF -> e.differ("name", w.nameOneOff());
            case DIFFERENT -> e.differ("name", w.nameDifferent());
        }
        return best;
    }

    /**
     * Birth dates judged over their keyed digests only (docs/CONTRACT.md §6.2): the whole-date digests ({@code d:})
     * agree, or a pair digest does (two fields of three agree: a typing slip, or a sibling), or neither.
     */
    private void birthDigests(Evidence e, Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            e.missing("birthDate");
            return;
        }
        boolean pairAgrees = false;
        for (String x : a) {
            if (b.contains(x)) {
                if (x.startsWith("d:")) {
                    e.agree("birthDate", w.birthAgree());
                    return;
                }
                pairAgrees = true;
            }
        }
        e.differ("birthDate", pairAgrees ? w.birthOneFieldOff() : w.birthDiffer());
    }

    private void places(Evidence e, RecipientProfile a, RecipientProfile b) {
        if (!a.streetCodes().isEmpty() && !b.streetCodes().isEmpty()) {
            if (intersects(a.streetCodes(), b.streetCodes())) {
                e.agree("address", w.streetAgree());
            } else {
                e.differ(
                        "address",
                        intersects(a.districtCodes(), b.districtCodes()) ? w.streetDiffer() : w.districtDiffer());
            }
            return;
        }
        if (a.districtCodes().isEmpty() || b.districtCodes().isEmpty()) {
            e.missing("address");
        } else if (intersects(a.districtCodes(), b.districtCodes())) {
            // The same district alone is too weak to call the address agreed.
            e.add("address", FieldEvidence.Outcome.AGREE, w.districtAgree());
        } else {
            e.differ("address", w.districtDiffer());
        }
    }

    private void locations(Evidence e, List<GeoPoint> a, List<GeoPoint> b) {
        if (a.isEmpty() || b.isEmpty()) {
            e.missing("location");
            return;
        }
        double nearest = Double.MAX_VALUE;
        for (GeoPoint p : a) {
            for (GeoPoint q : b) {
                nearest = Math.min(nearest, Distances.km(p, q));
            }
        }
        if (nearest <= NEARBY_KM) {
            e.agree("location", w.nearby());
        } else {
            e.differ("location", nearest > FAR_KM ? w.farApart() : 0);
        }
    }

    private static <T> void compare(Evidence e, String field, Set<T> a, Set<T> b, double agree, double differ) {
        if (a.isEmpty() || b.isEmpty()) {
            e.missing(field);
        } else if (intersects(a, b)) {
            e.agree(field, agree);
        } else {
            e.differ(field, differ);
        }
    }

    private static <T> boolean intersects(Set<T> a, Set<T> b) {
        return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
    }

    /** The contributions gathered field by field: {@code matched} names the agreeing fields as before. */
    private static final class Evidence {
        private final List<String> matched = new ArrayList<>();
        private final List<FieldEvidence> fields = new ArrayList<>(7);
        private double sum;

        void agree(String field, double weight) {
            matched.add(field);
            add(field, FieldEvidence.Outcome.AGREE, weight);
        }

        void differ(String field, double weight) {
            add(field, FieldEvidence.Outcome.DIFFER, weight);
        }

        boolean identifierDiffers() {
            return fields.stream()
                    .anyMatch(f -> f.outcome() == FieldEvidence.Outcome.DIFFER
                            && (f.field().equals("idNumber")
                                    || f.field().equals("phone")
                                    || f.field().equals("birthDate")));
        }

        void missing(String field) {
            add(field, FieldEvidence.Outcome.MISSING, 0);
        }

        void add(String field, FieldEvidence.Outcome outcome, double weight) {
            fields.add(new FieldEvidence(field, outcome, weight));
            sum += weight;
        }
    }
}
