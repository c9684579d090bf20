package org.eldercare.search.match;

import java.util.List;
import org.eldercare.search.normalize.NormalizedRecipient;

/** Finds persons worth scoring for a query: a recall-oriented first pass, ranked roughly, at most {@code limit}. */
public interface CandidateSource {

    List<RecipientDocument> candidates(NormalizedRecipient query, int limit);
}
