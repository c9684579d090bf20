package org.eldercare.search.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;

/**
 * Reads the {@code incidents} index for the hotline's queue (docs/CONTRACT.md §9.7). I/O failures surface as {@link
 * UncheckedIOException}.
 */
public final class IncidentSearch {

    private static final String INDEX = IndexNames.INCIDENTS;

    /** The states still to be handled, each with the deadline field the queue orders it by (§9.7). */
    private static final Map<String, String> DEADLINE_OF = Map.of(
            IncidentDocument.OPEN, "acknowledgeBy",
            IncidentDocument.ACKNOWLEDGED, "dispatchBy",
            IncidentDocument.DISPATCHED, "resolveBy");

    /** The queue's order among open incidents: next deadline (none first), then id. */
    static final Comparator<IncidentDocument> BY_NEXT_DEADLINE = Comparator.comparing(
                    IncidentSearch::nextDeadline, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(IncidentDocument::incidentId);

    private final ElasticsearchClient client;

    public IncidentSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** The incident, or empty when the index holds none by that id. Real-time: no refresh is waited for. */
    public Optional<IncidentDocument> byId(String incidentId) {
        try {
            var response = client.get(g -> g.index(INDEX).id(incidentId), IncidentDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("incidents: get failed", e);
        }
    }

    /**
     * A page of incidents in the queue's order (§9.7); {@code state} and {@code streetCode} null for any, {@code
     * openOnly} to leave out the resolved ones.
     *
     * <p>Without scripts (the embedded node has no scripting module, and a sort script per hit would cost more than
     * this): each open state is read in the order of its own deadline field, at most up to the end of the page, and
     * the lists are merged here; the resolved ones, last resolved first, follow the open ones.
     */
    public List<IncidentDocument> page(String state, String streetCode, boolean openOnly, int page, int size) {
        int from = page * size;
        int upTo = from + size;
        List<IncidentDocument> open = new ArrayList<>();
        long openTotal = 0;
        for (var entry : DEADLINE_OF.entrySet()) {
            if (state == null || state.equals(entry.getKey())) {
                HitsMetadata<IncidentDocument> hits =
                        search(stateQuery(entry.getKey(), streetCode, entry.getValue(), SortOrder.Asc, 0, upTo));
                openTotal +=
                        hits.total() == null ? hits.hits().size() : hits.total().value();
                hits.hits().stream().map(Hit::source).filter(Objects::nonNull).forEach(open::add);
            }
        }
        open.sort(BY_NEXT_DEADLINE);
        List<IncidentDocument> answer =
                new ArrayList<>(open.subList(Math.min(from, open.size()), Math.min(upTo, open.size())));
        boolean resolved = !openOnly && (state == null || IncidentDocument.RESOLVED.equals(state));
        if (resolved && answer.size() < size && upTo > openTotal) {
            int resolvedFrom = (int) Math.max(0, from - openTotal);
            int resolvedSize = size - answer.size();
            search(stateQuery(
                            IncidentDocument.RESOLVED,
                            streetCode,
                            "resolvedAt",
                            SortOrder.Desc,
                            resolvedFrom,
                            resolvedSize))
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .forEach(answer::add);
        }
        return answer;
    }

    private HitsMetadata<IncidentDocument> search(SearchRequest request) {
        try {
            return client.search(request, IncidentDocument.class).hits();
        } catch (IOException e) {
            throw new UncheckedIOException("incidents: search failed", e);
        }
    }

    /** One state's incidents (of one street, or all), by {@code timeField} then id; without a time, first when
     * ascending and last when descending. */
    static SearchRequest stateQuery(
            String state, String streetCode, String timeField, SortOrder order, int from, int size) {
        return SearchRequest.of(s -> s.index(INDEX)
                .from(from)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("state").value(state)));
                    if (streetCode != null) {
                        b.filter(f -> f.term(t -> t.field("streetCode").value(streetCode)));
                    }
                    return b;
                }))
                .sort(o -> o.field(
                        f -> f.field(timeField).order(order).missing(order == SortOrder.Asc ? "_first" : "_last")))
                .sort(o -> o.field(f -> f.field("incidentId").order(SortOrder.Asc))));
    }

    /** The deadline an open incident is ordered by: the one of its state. */
    static Instant nextDeadline(IncidentDocument incident) {
        OffsetDateTime deadline = switch (incident.state()) {
            case IncidentDocument.OPEN -> incident.acknowledgeBy();
            case IncidentDocument.ACKNOWLEDGED -> incident.dispatchBy();
            case IncidentDocument.DISPATCHED -> incident.resolveBy();
            default -> null;
        };
        return deadline == null ? null : deadline.toInstant();
    }
}
