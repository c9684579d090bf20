package org.eldercare.api.family;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eldercare.search.family.FamilyCodeDocument;
import org.eldercare.search.index.IndexRegistry;
import org.springframework.stereotype.Component;

/**
 * The {@code family-codes} index, which the API alone writes (docs/CONTRACT.md §10.4). Writes wait for a refresh so
 * the office's listing shows them at once; the relative's lookup is a real-time get by digest, so a revocation holds
 * from the moment its write is acknowledged.
 */
@Component
class FamilyCodeStore {

    /** One page of codes and how many there are in all. */
    record Page(List<FamilyCodeDocument> items, long total) {}

    private final ElasticsearchClient client;

    FamilyCodeStore(ElasticsearchClient client) {
        this.client = client;
    }

    void write(FamilyCodeDocument code) {
        try {
            client.index(i -> i.index(IndexRegistry.FAMILY_CODES.name())
                    .id(IndexRegistry.FAMILY_CODES.id(code))
                    .document(code)
                    .refresh(Refresh.WaitFor));
        } catch (IOException e) {
            throw new UncheckedIOException("family-codes: write failed", e);
        }
    }

    Optional<FamilyCodeDocument> byDigest(String digest) {
        try {
            var found = client.get(
                    g -> g.index(IndexRegistry.FAMILY_CODES.name()).id(digest).realtime(true),
                    FamilyCodeDocument.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("family-codes: get failed", e);
        }
    }

    Optional<FamilyCodeDocument> byCodeId(String codeId) {
        try {
            return client
                    .search(
                            s -> s.index(IndexRegistry.FAMILY_CODES.name())
                                    .size(1)
                                    .query(q -> q.term(t -> t.field("codeId").value(codeId))),
                            FamilyCodeDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("family-codes: search failed", e);
        }
    }

    /**
     * Newest first: the codes of a scope ({@code null}: every code; 6 digits a district; 9 a street), of one person
     * when {@code personId} is set.
     */
    Page list(String scope, String personId, int page, int size) {
        BoolQuery.Builder filter = new BoolQuery.Builder();
        if (scope != null) {
            String field = scope.length() == 9 ? "streetCode" : "districtCode";
            filter.filter(f -> f.term(t -> t.field(field).value(scope)));
        }
        if (personId != null) {
            filter.filter(f -> f.term(t -> t.field("personId").value(personId)));
        }
        BoolQuery query = filter.build();
        try {
            var hits = client.search(
                            s -> s.index(IndexRegistry.FAMILY_CODES.name())
                                    .from(page * size)
                                    .size(size)
                                    .trackTotalHits(t -> t.enabled(true))
                                    .query(q -> q.bool(query))
                                    .sort(o -> o.field(f -> f.field("issuedAt").order(SortOrder.Desc))),
                            FamilyCodeDocument.class)
                    .hits();
            return new Page(
                    hits.hits().stream().map(Hit::source).toList(),
                    hits.total() == null ? hits.hits().size() : hits.total().value());
        } catch (IOException e) {
            throw new UncheckedIOException("family-codes: search failed", e);
        }
    }
}
