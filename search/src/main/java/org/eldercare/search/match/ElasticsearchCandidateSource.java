package org.eldercare.search.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.normalize.NormalizedRecipient;

/** Candidates from the {@code recipients} index, found with {@link CandidateQueryBuilder}. */
public final class ElasticsearchCandidateSource implements CandidateSource {

    private final ElasticsearchClient client;

    public ElasticsearchCandidateSource(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<RecipientDocument> candidates(NormalizedRecipient query, int limit) {
        try {
            SearchResponse<RecipientDocument> response = client.search(
                    s -> s.index(IndexNames.RECIPIENTS)
                            .query(CandidateQueryBuilder.build(query))
                            // Only the best `limit` are read: not counting every hit lets the node skip
                            // blocks that cannot make the top (a common name bigram hits thousands).
                            .trackTotalHits(t -> t.enabled(false))
                            .size(limit),
                    RecipientDocument.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            // The query holds hashes only, but say nothing about it anyway.
            throw new UncheckedIOException("recipients: candidate search failed", e);
        }
    }
}
