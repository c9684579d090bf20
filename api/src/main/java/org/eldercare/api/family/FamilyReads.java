package org.eldercare.api.family;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;
import org.springframework.stereotype.Component;

/**
 * What the family view reads of one person: their register entry, their incidents and their visits (docs/CONTRACT.md
 * §10.4).
 */
@Component
class FamilyReads {

    private final ElasticsearchClient client;

    FamilyReads(ElasticsearchClient client) {
        this.client = client;
    }

    /** The person as the {@code persons} index holds them (masks, birth year, street), if registered. */
    Optional<JsonNode> person(String personId) {
        try {
            var found = client.get(g -> g.index(IndexNames.PERSONS).id(personId), ObjectNode.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("persons: get failed", e);
        }
    }

    /** The person's newest incidents by {@code openedAt}. */
    List<JsonNode> incidents(String personId, int size) {
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.INCIDENTS)
                                    .size(size)
                                    .query(q -> q.term(t -> t.field("personId").value(personId)))
                                    .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .map(JsonNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("incidents: search failed", e);
        }
    }

    /** The person's newest visits by {@code visitedAt}, from the {@code visits} index the job writes (§9.3). */
    List<JsonNode> visits(String personId, int size) {
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.VISITS)
                                    .size(size)
                                    .query(q -> q.term(t -> t.field("personId").value(personId)))
                                    .sort(o -> o.field(f -> f.field("visitedAt").order(SortOrder.Desc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .map(JsonNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("visits: search failed", e);
        }
    }
}
