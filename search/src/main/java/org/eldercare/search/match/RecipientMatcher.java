package org.eldercare.search.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.EvidenceScorer;
import org.eldercare.search.resolve.RecipientProfile;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.Score;

/**
 * Answers {@code POST /api/v1/recipients/match}: normalises the query, fetches candidates, re-scores each with the
 * resolver's {@link EvidenceScorer} and returns at most {@value #MAX_RESULTS}, best first. {@code MATCH} needs the
 * match threshold and a clear lead over the runner-up; {@code POSSIBLE} needs the possible threshold; candidates
 * below it, or conflicting with the query, are dropped, so the answer is empty when nobody plausible exists.
 */
public final class RecipientMatcher {

    public static final int MAX_RESULTS = 10;
    private static final int CANDIDATE_POOL = 50;

    private final RecipientNormalizer normalizer;
    private final CandidateSource source;
    private final ResolutionThresholds thresholds;
    private final EvidenceScorer scorer;

    public RecipientMatcher(RecipientNormalizer normalizer, CandidateSource source, ResolutionThresholds thresholds) {
        this.normalizer = normalizer;
        this.source = source;
        this.thresholds = thresholds;
        this.scorer = new EvidenceScorer(thresholds.weights());
    }

    public List<MatchCandidate> match(MatchRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        NormalizedRecipient query = normalizer.normalize(
                request.name(),
                request.idNumber(),
                request.phone(),
                request.birthDate(),
                request.gender(),
                request.address(),
                request.location());
        // Documents hold birth dates only as digests: give the query its digests to score against them.
        RecipientProfile profile = RecipientProfile.of(query).withBirthDigests(query.birthDigests());
        List<Scored> scored = new ArrayList<>();
        for (RecipientDocument d : source.candidates(query, CANDIDATE_POOL)) {
            Score score = scorer.score(profile, d.profile());
            if (!score.conflict() && score.probability() >= thresholds.possible()) {
                scored.add(new Scored(d, score));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score().logOdds())
                .thenComparing(s -> s.document().recipientId()));
        List<MatchCandidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_RESULTS, scored.size()); i++) {
            out.add(candidate(scored.get(i), decision(scored, i)));
        }
        return out;
    }

    private Decision decision(List<Scored> scored, int rank) {
        Score score = scored.get(rank).score();
        boolean clearLead = rank == 0
                && (scored.size() == 1
                        || score.logOdds() - scored.get(1).score().logOdds() >= thresholds.matchMargin());
        return clearLead && score.probability() >= thresholds.match() ? Decision.MATCH : Decision.POSSIBLE;
    }

    private static MatchCandidate candidate(Scored s, Decision decision) {
        RecipientDocument d = s.document();
        return new MatchCandidate(
                d.recipientId(),
                Math.round(s.score().probability() * 10000) / 10000.0,
                decision,
                s.score().matchedOn(),
                d.name(),
                d.idNumberMasked(),
                d.phoneMasked(),
                d.birthYear(),
                d.districtCode(),
                d.streetCode(),
                d.servicesCount(),
                d.lastServiceAt());
    }

    private record Scored(RecipientDocument document, Score score) {}
}
