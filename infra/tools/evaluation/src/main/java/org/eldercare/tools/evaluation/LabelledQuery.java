package org.eldercare.tools.evaluation;

import org.eldercare.search.match.MatchRequest;

/** A noisy hotline query; {@code truthId} is null when the person asked about has no records. */
record LabelledQuery(MatchRequest request, String truthId) {}
