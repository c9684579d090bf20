package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.springframework.stereotype.Component;

/**
 * Reads resolved persons and their service records from the {@code recipients} and
 * {@code service-records} indexes the streaming job keeps. A person merged into another is a
 * redirect document ({@code mergedInto}); the kept person lists the ids merged into it
 * ({@code mergedIds}), and records filed under any of them are that person's.
 */
@Component
class RecipientDirectory {

    static final int MAX_SERVICES = 500;
    private final ElasticsearchClient client;

    RecipientDirectory(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<JsonNode> recipient(String recipientId) {
        return get(IndexNames.RECIPIENTS, recipientId);
    }

    Optional<JsonNode> serviceRecord(String operatorId, String recordId) {
        return get(IndexNames.SERVICE_RECORDS, ServiceRecordDocument.documentId(operatorId, recordId));
    }

    /** Records of the person and of every id merged into it, newest first. */
    List<JsonNode> services(JsonNode person) {
        List<FieldValue> ids = new ArrayList<>();
        ids.add(FieldValue.of(person.path("recipientId").asText()));
        person.path("mergedIds").forEach(id -> ids.add(FieldValue.of(id.asText())));
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.SERVICE_RECORDS)
                                    .size(MAX_SERVICES)
                                    .query(q ->
                                            q.terms(t -> t.field("recipientId").terms(v -> v.value(ids))))
                                    .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Desc))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .map(JsonNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("service-records: search failed", e);
        }
    }

    private Optional<JsonNode> get(String index, String id) {
        try {
            var response = client.get(g -> g.index(index).id(id), ObjectNode.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(index + ": get failed", e);
        }
    }
}
