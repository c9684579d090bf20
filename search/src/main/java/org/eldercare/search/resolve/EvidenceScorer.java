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
        List<String> matched = new ArrayList<>();
        double sum = w.prior();
        boolean conflict = false;
        if (intersects(a.idHashes(), b.idHashes())) {
            sum += agree(matched, "idNumber", w.idAgree());
        } else if (!a.idHashes().isEmpty() && !b.idHashes().isEmpty()) {
            sum += w.idConflict();
            conflict = true;
        } else if (intersects(a.idCorrectionHashes(), b.idHashes())
                || intersects(b.idCorrectionHashes(), a.idHashes())) {
            sum += agree(matched, "idNumber", w.idOneSlip());
        } else if (intersects(a.weakIdHashes(), b.weakIdHashes())) {
            sum += agree(matched, "idNumber", w.idSameInvalid());
        }
        sum += compare(matched, "phone", a.phoneHashes(), b.phoneHashes(), w.phoneAgree(), w.phoneDiffer());
        sum += names(matched, a.names(), b.names());
        sum += birthDigests(matched, a.birthDigests(), b.birthDigests());
        sum += compare(matched, "gender", a.genders(), b.genders(), w.genderAgree(), w.genderDiffer());
        sum += places(matched, a, b);
        sum += locations(matched, a.locations(), b.locations());
        return new Score(sum, 1.0 / (1.0 + Math.exp(-sum)), matched, conflict);
    }

    private double names(List<String> matched, Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
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
        return switch (best) {
            case EXACT -> agree(matched, "name", w.nameExact());
            case SAME_PINYIN -> agree(matched, "name", w.nameSamePinyin());
            case SWAPPED_GIVEN -> agree(matched, "name", w.nameSwapped());
            case SIMILAR_CHARACTER -> agree(matched, "name", w.nameSimilar());
            case ONE_CHARACTER_OFF -> w.nameOneOff();
            case DIFFERENT -> w.nameDifferent();
        };
    }

    /**
     * Birth dates judged over their keyed digests only (docs/CONTRACT.md §6.2): the whole-date digests ({@code d:})
     * agree, or a pair digest does (two fields of three agree: a typing slip, or a sibling), or neither.
     */
    private double birthDigests(List<String> matched, Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        boolean pairAgrees = false;
        for (String x : a) {
            if (b.contains(x)) {
                if (x.startsWith("d:")) {
                    return agree(matched, "birthDate", w.birthAgree());
                }
                pairAgrees = true;
            }
        }
        return pairAgrees ? w.birthOneFieldOff() : w.birthDiffer();
    }

    private double places(List<String> matched, RecipientProfile a, RecipientProfile b) {
        if (!a.streetCodes().isEmpty() && !b.streetCodes().isEmpty()) {
            if (intersects(a.streetCodes(), b.streetCodes())) {
                return agree(matched, "address", w.streetAgree());
            }
            return intersects(a.districtCodes(), b.districtCodes()) ? w.streetDiffer() : w.districtDiffer();
        }
        return compare(
                new ArrayList<>(),
                "district",
                a.districtCodes(),
                b.districtCodes(),
                w.districtAgree(),
                w.districtDiffer());
    }

    private double locations(List<String> matched, List<GeoPoint> a, List<GeoPoint> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double nearest = Double.MAX_VALUE;
        for (GeoPoint p : a) {
            for (GeoPoint q : b) {
                nearest = Math.min(nearest, Distances.km(p, q));
            }
        }
        if (nearest <= NEARBY_KM) {
            return agree(matched, "location", w.nearby());
        }
        return nearest > FAR_KM ? w.farApart() : 0;
    }

    private static <T> double compare(
            List<String> matched, String field, Set<T> a, Set<T> b, double agree, double differ) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return intersects(a, b) ? agree(matched, field, agree) : differ;
    }

    private static double agree(List<String> matched, String field, double weight) {
        matched.add(field);
        return weight;
    }

    private static <T> boolean intersects(Set<T> a, Set<T> b) {
        return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
    }
}
