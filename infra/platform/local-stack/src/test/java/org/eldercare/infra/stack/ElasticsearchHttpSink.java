package org.eldercare.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Test-only Sink V2: each record is a JSON document PUT under a deterministic id (its CloudEvent id), so a replay is
 * an upsert. Just enough to prove a Flink job on the stack reaches its Elasticsearch; the real sink lives in search.
 */
record ElasticsearchHttpSink(String url, String index) implements Sink<String> {

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new Writer();
    }

    private final class Writer implements SinkWriter<String> {
        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public void write(String json, Context context) throws IOException, InterruptedException {
            String id = json.replaceFirst("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            HttpRequest put = HttpRequest.newBuilder(URI.create(url + "/" + index + "/_doc/" + id))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException("indexing " + id + " failed: " + response.statusCode() + " " + response.body());
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            // Every write is synchronous.
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
