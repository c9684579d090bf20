package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch.core.IndexRequest;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eldercare.search.index.Elasticsearch;

/**
 * An Elasticsearch transport without a server: it keeps each index request as the client built it and
 * acknowledges it, or, while {@code failing}, fails it as an unreachable node would.
 */
final class FakeTransport implements ElasticsearchTransport {

    final List<IndexRequest<?>> indexed = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    @SuppressWarnings("unchecked")
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options)
            throws IOException {
        if (failing) {
            throw new IOException("Connection refused");
        }
        if (!(request instanceof IndexRequest<?> index)) {
            throw new UnsupportedOperationException("fake transport: only index requests, not " + request);
        }
        indexed.add(index);
        return (ResponseT) IndexResponse.of(r -> r.index(index.index())
                .id(index.id())
                .version(1L)
                .seqNo(indexed.size() - 1L)
                .primaryTerm(1L)
                .result(Result.Created)
                .shards(s -> s.total(1).successful(1).failed(0)));
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("fake transport: sync only"));
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper(Elasticsearch.objectMapper());
    }

    @Override
    public TransportOptions options() {
        return null;
    }

    @Override
    public void close() {}
}
