package org.eldercare.api.family;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.springframework.stereotype.Component;

/**
 * What the family view reads of one person: their register entry, their incidents, their devices and their visits
 * (docs/CONTRACT.md §10.4).
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
        return sources(
                "incidents",
                s -> s.index(IndexNames.INCIDENTS)
                        .size(size)
                        .query(q -> q.term(t -> t.field("personId").value(personId)))
                        .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc))));
    }

    /**
     * The devices bound to the person now, from the {@code devices} index the job writes (§9.9): every status but
     * {@code UNBOUND}.
     */
    List<JsonNode> devices(String personId, int size) {
        return sources(
                "devices",
                s -> s.index(IndexNames.DEVICES)
                        .size(size)
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("personId").value(personId)))
                                .mustNot(m -> m.term(t -> t.field("status").value(DeviceDocument.UNBOUND)))))
                        .sort(o -> o.field(f -> f.field("statusSince").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    /**
     * The {@code devices} documents of these ids ({@code <operatorId>/<deviceId>}), whoever they are bound to now and
     * whatever their status: whether the index knows a device an open incident names.
     */
    List<JsonNode> devicesById(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sources(
                "devices", s -> s.index(IndexNames.DEVICES).size(ids.size()).query(q -> q.ids(i -> i.values(ids))));
    }

    /**
     * The person's device incidents not yet resolved ({@code SOS}, {@code DEVICE_SILENT}), newest first: an SOS being
     * handled is a device's status whatever its binding says.
     */
    List<JsonNode> openDeviceIncidents(String personId, int size) {
        return sources(
                "incidents",
                s -> s.index(IndexNames.INCIDENTS)
                        .size(size)
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("personId").value(personId)))
                                .filter(f -> f.terms(t -> t.field("rule")
                                        .terms(v -> v.value(
                                                List.of(FieldValue.of("SOS"), FieldValue.of("DEVICE_SILENT"))))))
                                .mustNot(m -> m.term(t -> t.field("state").value(IncidentDocument.RESOLVED)))))
                        .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc))));
    }

    /** The person's newest visits by {@code visitedAt}, from the {@code visits} index the job writes (§9.3). */
    List<JsonNode> visits(String personId, int size) {
        return sources(
                "visits",
                s -> s.index(IndexNames.VISITS)
                        .size(size)
                        .query(q -> q.term(t -> t.field("personId").value(personId)))
                        .sort(o -> o.field(f -> f.field("visitedAt").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    /** The sources of one search's hits; an I/O failure names the index ({@code <what>: search failed}). */
    private List<JsonNode> sources(String what, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> search) {
        try {
            return client.search(search, ObjectNode.class).hits().hits().stream()
                    .map(Hit::source)
                    .map(JsonNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": search failed", e);
        }
    }
}
