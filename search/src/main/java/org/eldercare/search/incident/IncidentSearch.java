package org.eldercare.search.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ScriptSortType;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;

/**
 * Reads the {@code incidents} index for the hotline's queue (docs/CONTRACT.md §9.7). I/O failures surface as {@link
 * UncheckedIOException}.
 */
public final class IncidentSearch {

    private static final String INDEX = IndexNames.INCIDENTS;

    /** 0 for an incident still to be handled, 1 for a resolved one: the open ones come first. */
    static final String RANK = "doc['state'].value == 'RESOLVED' ? 1 : 0";

    /**
     * Within the open ones, the next deadline of the state (acknowledge, dispatch, resolve), earliest first; within the
     * resolved ones, the last resolved first.
     */
    static final String DEADLINE = "String s = doc['state'].value;"
            + " if (s == 'RESOLVED') { return doc['resolvedAt'].size() == 0 ? 0"
            + " : -doc['resolvedAt'].value.toInstant().toEpochMilli(); }"
            + " String f = s == 'OPEN' ? 'acknowledgeBy' : (s == 'ACKNOWLEDGED' ? 'dispatchBy' : 'resolveBy');"
            + " return doc[f].size() == 0 ? 0 : doc[f].value.toInstant().toEpochMilli();";

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
     */
    public List<IncidentDocument> page(String state, String streetCode, boolean openOnly, int page, int size) {
        try {
            return client
                    .search(pageQuery(state, streetCode, openOnly, page, size), IncidentDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("incidents: search failed", e);
        }
    }

    static SearchRequest pageQuery(String state, String streetCode, boolean openOnly, int page, int size) {
        return SearchRequest.of(s -> s.index(INDEX)
                .from(page * size)
                .size(size)
                .query(q -> q.bool(b -> {
                    if (state != null) {
                        b.filter(f -> f.term(t -> t.field("state").value(state)));
                    }
                    if (streetCode != null) {
                        b.filter(f -> f.term(t -> t.field("streetCode").value(streetCode)));
                    }
                    if (openOnly) {
                        b.mustNot(n -> n.term(t -> t.field("state").value(IncidentDocument.RESOLVED)));
                    }
                    return b;
                }))
                .sort(o -> o.script(sc -> sc.type(ScriptSortType.Number)
                        .script(x -> x.source(src -> src.scriptString(RANK)))
                        .order(SortOrder.Asc)))
                .sort(o -> o.script(sc -> sc.type(ScriptSortType.Number)
                        .script(x -> x.source(src -> src.scriptString(DEADLINE)))
                        .order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("incidentId").order(SortOrder.Asc))));
    }
}
