package org.eldercare.infra.stack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.List;
import java.util.Map;

/** Indexes and searches small documents through the official Java client, against any Elasticsearch. */
final class ElasticsearchProbe implements AutoCloseable {

    private final ElasticsearchClient client;

    ElasticsearchProbe(String url) {
        client = ElasticsearchClient.of(b -> b.host(url));
    }

    void index(String index, String id, Map<String, Object> document) throws Exception {
        client.index(i ->
                i.index(index).id(id).document(document).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    }

    /** Ids of the documents whose {@code field} matches {@code text}. */
    @SuppressWarnings("rawtypes")
    List<String> search(String index, String field, String text) throws Exception {
        client.indices().refresh(r -> r.index(index));
        SearchResponse<Map> response = client.search(
                s -> s.index(index).query(q -> q.match(m -> m.field(field).query(text))), Map.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }

    long count(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    boolean indexExists(String index) throws Exception {
        return client.indices().exists(e -> e.index(index)).value();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
