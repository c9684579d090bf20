package org.eldercare.api.review;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.TermsChunks;
import org.springframework.stereotype.Component;

/** Reads the {@code review-cases} index and which ID digests belong to entitled people (docs/CONTRACT.md §7.6). */
@Component
class ReviewDirectory {

    /** Elasticsearch's default result window: the most cases one listing orders. */
    static final int MAX_CASES = 10_000;

    private final ElasticsearchClient client;

    ReviewDirectory(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<JsonNode> reviewCase(String caseId) {
        try {
            var response = client.get(g -> g.index(IndexNames.REVIEW_CASES).id(caseId), ObjectNode.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("review-cases: get failed", e);
        }
    }

    /** The cases of {@code status}, or every case for {@code ALL}. */
    List<JsonNode> cases(String status) {
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.REVIEW_CASES)
                                    .size(MAX_CASES)
                                    .query(q -> status.equals("ALL")
                                            ? q.matchAll(m -> m)
                                            : q.bool(b -> b.filter(f -> f.term(
                                                    t -> t.field("status").value(status))))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(h -> (JsonNode) h.source())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("review-cases: search failed", e);
        }
    }

    /** Of {@code digests}, those of registered people entitled to at least one service (§7.3). */
    Set<String> entitledDigests(List<String> digests) {
        Set<String> entitled = new HashSet<>();
        for (List<FieldValue> chunk : TermsChunks.of(digests)) {
            try {
                client.search(
                                s -> s.index(IndexNames.PERSONS)
                                        .size(chunk.size())
                                        .source(src -> src.filter(f -> f.includes("idNumberDigest")))
                                        .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field("idNumberDigest")
                                                        .terms(v -> v.value(chunk))))
                                                .filter(f -> f.exists(e -> e.field("entitlements"))))),
                                ObjectNode.class)
                        .hits()
                        .hits()
                        .forEach(h ->
                                entitled.add(h.source().path("idNumberDigest").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("persons: search failed", e);
            }
        }
        return entitled;
    }
}
