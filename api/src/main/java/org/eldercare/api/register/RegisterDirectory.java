package org.eldercare.api.register;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.TermsChunks;
import org.springframework.stereotype.Component;

/**
 * Reads the register the streaming job keeps in {@code persons}, and joins it to the recipients resolved from service
 * records: a registered person is the recipient whose {@code idHashes} hold the person's keyed ID digest, with every
 * record the resolution filed under that recipient (including records that carried no ID number).
 */
@Component
class RegisterDirectory {

    /** Elasticsearch's default result window: the most entitled people one street's worklist can hold. */
    static final int MAX_PER_STREET = 10_000;

    private final ElasticsearchClient client;

    RegisterDirectory(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<JsonNode> person(String personId) {
        try {
            var response = client.get(g -> g.index(IndexNames.PERSONS).id(personId), ObjectNode.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("persons: get failed", e);
        }
    }

    /** The street's registered people who are entitled to at least one service. */
    List<JsonNode> entitled(String streetCode) {
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.PERSONS)
                                    .size(MAX_PER_STREET)
                                    .query(q -> q.bool(b -> b.filter(f -> f.term(
                                                    t -> t.field("streetCode").value(streetCode)))
                                            .filter(f -> f.exists(e -> e.field("entitlements"))))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(h -> (JsonNode) h.source())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("persons: search failed", e);
        }
    }

    /** Per ID digest, the recipient ids (the kept person and the ids merged into it) that hold it. */
    Map<String, List<String>> recipientsByDigest(List<String> digests) {
        Map<String, List<String>> byDigest = new HashMap<>();
        for (List<FieldValue> chunk : TermsChunks.of(digests)) {
            try {
                var hits = client.search(
                                s -> s.index(IndexNames.RECIPIENTS)
                                        .size(MAX_PER_STREET)
                                        .query(q ->
                                                q.terms(t -> t.field("idHashes").terms(v -> v.value(chunk)))),
                                ObjectNode.class)
                        .hits()
                        .hits();
                for (var hit : hits) {
                    JsonNode recipient = hit.source();
                    if (recipient == null || recipient.hasNonNull("mergedInto")) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    ids.add(recipient.path("recipientId").asText());
                    recipient.path("mergedIds").forEach(id -> ids.add(id.asText()));
                    recipient
                            .path("idHashes")
                            .forEach(h -> byDigest.computeIfAbsent(h.asText(), k -> new ArrayList<>())
                                    .addAll(ids));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("recipients: search failed", e);
            }
        }
        return byDigest;
    }

    /** Per recipient id, the start of its latest service since {@code since}. */
    Map<String, String> lastServedSince(List<String> recipientIds, OffsetDateTime since) {
        Map<String, String> last = new HashMap<>();
        for (List<FieldValue> chunk : TermsChunks.of(recipientIds)) {
            try {
                var response = client.search(
                        s -> s.index(IndexNames.SERVICE_RECORDS)
                                .size(0)
                                .query(q -> q.bool(b -> b.filter(f -> f.terms(
                                                t -> t.field("recipientId").terms(v -> v.value(chunk))))
                                        .filter(f -> f.range(r -> r.untyped(
                                                u -> u.field("startedAt").gte(JsonData.of(since.toString())))))))
                                .aggregations(
                                        "byRecipient",
                                        a -> a.terms(t -> t.field("recipientId").size(chunk.size()))
                                                .aggregations("last", l -> l.max(m -> m.field("startedAt")))),
                        ObjectNode.class);
                for (StringTermsBucket bucket : response.aggregations()
                        .get("byRecipient")
                        .sterms()
                        .buckets()
                        .array()) {
                    String at = bucket.aggregations().get("last").max().valueAsString();
                    last.put(bucket.key().stringValue(), at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("service-records: search failed", e);
            }
        }
        return last;
    }
}
