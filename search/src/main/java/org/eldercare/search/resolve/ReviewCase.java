package org.eldercare.search.resolve;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.search.register.PersonDocument;

/**
 * Two persons the resolver would not decide on alone (docs/CONTRACT.md §7.6): both sides masked, the evidence per
 * field, and why it was queued. The id is the two recipient ids in ascending order, so a case raised again
 * replaces itself.
 *
 * @param idDigests the keyed ID digests of both sides, for ordering entitled people first; never shown
 */
public record ReviewCase(
        String caseId,
        Reason reason,
        double probability,
        double logOdds,
        Instant raisedAt,
        Side left,
        Side right,
        List<FieldEvidence> evidence,
        Set<String> idDigests)
        implements Serializable {

    /** Why a case was queued. */
    public enum Reason {
        /** The link's log-odds fell inside the review margin. */
        MARGIN,
        /** Only name, gender and place agreed: namesakes in one street look exactly like this. */
        NAME_AND_PLACE_ONLY,
        /** A hotline's match answered two or more POSSIBLE candidates and no MATCH. */
        POSSIBLE_MATCH
    }

    /** One person as a reviewer sees them: masks, the birth year and counts only (§6.2). */
    public record Side(
            String recipientId,
            String nameMasked,
            String idNumberMasked,
            String phoneMasked,
            Integer birthYear,
            String gender,
            String districtCode,
            String streetCode,
            long servicesCount,
            String lastServiceAt)
            implements Serializable {

        public static Side of(Person p) {
            return new Side(
                    p.recipientId(),
                    PersonDocument.maskName(p.name()),
                    p.idNumberMasked(),
                    p.phoneMasked(),
                    p.birthYear(),
                    p.gender(),
                    p.districtCode(),
                    p.streetCode(),
                    p.servicesCount(),
                    p.lastServiceAt() == null ? null : p.lastServiceAt().toString());
        }
    }

    public ReviewCase {
        evidence = List.copyOf(evidence);
        idDigests = Set.copyOf(idDigests);
    }

    /** {@code <lower id>|<higher id>}. */
    public static String caseId(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** The case of persons {@code a} and {@code b} compared as {@code score}; left is the lower id. */
    public static ReviewCase of(Person a, Person b, Score score, Reason reason, Instant at) {
        Person left = a.recipientId().compareTo(b.recipientId()) <= 0 ? a : b;
        Person right = left == a ? b : a;
        Set<String> digests = new TreeSet<>(left.profile().idHashes());
        digests.addAll(right.profile().idHashes());
        return new ReviewCase(
                caseId(a.recipientId(), b.recipientId()),
                reason,
                score.probability(),
                score.logOdds(),
                at,
                Side.of(left),
                Side.of(right),
                score.evidence(),
                digests);
    }
}
