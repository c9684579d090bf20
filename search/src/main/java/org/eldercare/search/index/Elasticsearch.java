package org.eldercare.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates Elasticsearch clients on the 9.x default transport ({@link Rest5Client}, Apache
 * HttpClient 5) with the platform's JSON mapping: {@code java.time} values as ISO-8601 strings,
 * offsets kept as written, unknown fields ignored so an older reader survives a newer mapping.
 *
 * <p>The caller owns the returned client and closes it ({@code client._transport().close()}).
 */
public final class Elasticsearch {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Elasticsearch() {}

    /** The mapper used for every document the platform writes to or reads from Elasticsearch. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A blocking client. */
    public static ElasticsearchClient client(ElasticsearchConfig config) {
        return new ElasticsearchClient(transport(config));
    }

    /** A non-blocking client, as the Flink sink needs to keep several bulks in flight. */
    public static ElasticsearchAsyncClient asyncClient(ElasticsearchConfig config) {
        return new ElasticsearchAsyncClient(transport(config));
    }

    /** The transport both clients share the shape of; closing it closes its connection pool. */
    public static ElasticsearchTransport transport(ElasticsearchConfig config) {
        Timeout response = Timeout.of(config.requestTimeout());
        Timeout connect = Timeout.of(CONNECT_TIMEOUT);
        var builder = Rest5Client.builder(config.url())
                .setRequestConfigCallback(r -> r.setResponseTimeout(response).setConnectionRequestTimeout(connect))
                .setConnectionConfigCallback(c -> c.setConnectTimeout(connect).setSocketTimeout(response));
        String authorization = authorization(config);
        if (authorization != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization)});
        }
        if (!config.caCertificate().isEmpty()) {
            builder.setSSLContext(
                    ElasticsearchTls.trusting(ElasticsearchConfig.PREFIX + "ca-certificate", config.caCertificate()));
        }
        Rest5Client rest = builder.build();
        return new Rest5ClientTransport(rest, new JacksonJsonpMapper(objectMapper()));
    }

    /** The {@code Authorization} header every request carries: basic, API key, or none (null). */
    static String authorization(ElasticsearchConfig config) {
        if (config.usesApiKey()) {
            return "ApiKey " + config.apiKey();
        }
        if (config.authenticates()) {
            String credentials = config.username() + ":" + config.password();
            return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
