package org.eldercare.search.index;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * How the platform talks to Elasticsearch. Every key has a default that works with the embedded
 * local node; each is a {@link Setting} constant with its description and rules, all in {@link #SETTINGS}. Invalid
 * values fail fast with a message naming the key and the rule.
 *
 * <p>Authentication is one of none, HTTP basic ({@code username}/{@code password}) or an API key ({@code api-key},
 * sent as {@code Authorization: ApiKey <key>}); {@code ca-certificate} names a PEM file of the CA(s) an {@code https}
 * cluster's certificate is checked against (docs/CONTRACT.md §6.6). Secrets never appear in {@link #toString()}.
 */
public record ElasticsearchConfig(
        URI url,
        Duration requestTimeout,
        int bulkActions,
        long bulkBytes,
        int bulkConcurrency,
        Duration bulkFlushInterval,
        int replicas,
        String username,
        String password,
        String apiKey,
        String caCertificate)
        implements Serializable {

    /** This configuration with writers that send a partial bulk after {@code interval}. */
    public ElasticsearchConfig withBulkFlushInterval(Duration interval) {
        return new ElasticsearchConfig(
                url,
                requestTimeout,
                bulkActions,
                bulkBytes,
                bulkConcurrency,
                interval,
                replicas,
                username,
                password,
                apiKey,
                caCertificate);
    }

    public static final String PREFIX = "eldercare.elasticsearch.";

    public static final Setting<URI> URL = Setting.uri(
                    PREFIX + "url", "http://127.0.0.1:9200", "Base URL of one Elasticsearch node")
            .rule(u -> u.getHost() != null, "must be an absolute http(s) URL");
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.duration(
                    PREFIX + "request-timeout", "PT30S", "Response timeout of one request (ISO-8601 duration)")
            .rule(Duration::isPositive, "must be positive");
    public static final Setting<Integer> BULK_ACTIONS = Setting.integer(
                    PREFIX + "bulk-actions", "1000", "Documents per bulk request")
            .rule(n -> n >= 1 && n <= 100_000, "must be between 1 and 100000");
    public static final Setting<Long> BULK_BYTES = Setting.longInteger(
                    PREFIX + "bulk-bytes", "5242880", "Maximum bytes of one bulk request")
            .rule(n -> n >= 1024, "must be at least 1024");
    public static final Setting<Integer> BULK_CONCURRENCY = Setting.integer(
                    PREFIX + "bulk-concurrency", "2", "Bulk requests in flight at once; more wait (backpressure)")
            .rule(n -> n >= 1 && n <= 64, "must be between 1 and 64");
    public static final Setting<Duration> BULK_FLUSH_INTERVAL = Setting.duration(
                    PREFIX + "bulk-flush-interval",
                    "PT0.2S",
                    "Longest time a document waits in a partial bulk; part of the indicators' freshness")
            .rule(Duration::isPositive, "must be positive");
    public static final Setting<Integer> REPLICAS = Setting.integer(
                    PREFIX + "replicas", "0", "Replicas of each index created; 0 for a single node")
            .rule(n -> n >= 0 && n <= 10, "must be between 0 and 10");
    public static final Setting<String> USERNAME = Setting.text(
            PREFIX + "username",
            "",
            "User for HTTP basic authentication, when the cluster has security on; empty sends none");
    public static final Setting<String> PASSWORD = Setting.text(
                    PREFIX + "password", "", "Password of that user; never logged")
            .secret();
    public static final Setting<String> API_KEY = Setting.text(
                    PREFIX + "api-key",
                    "",
                    "Encoded API key, sent as 'Authorization: ApiKey <key>'; instead of username; never logged")
            .secret();
    public static final Setting<String> CA_CERTIFICATE = Setting.text(
            PREFIX + "ca-certificate",
            "",
            "PEM file of the CA certificate(s) the https cluster's certificate must chain to; empty trusts the JVM's"
                    + " default CAs");

    /** Every setting, one per record component, in order. */
    public static final List<Setting<?>> SETTINGS = List.of(
            URL,
            REQUEST_TIMEOUT,
            BULK_ACTIONS,
            BULK_BYTES,
            BULK_CONCURRENCY,
            BULK_FLUSH_INTERVAL,
            REPLICAS,
            USERNAME,
            PASSWORD,
            API_KEY,
            CA_CERTIFICATE);

    public ElasticsearchConfig {
        URL.check(url);
        REQUEST_TIMEOUT.check(requestTimeout);
        BULK_ACTIONS.check(bulkActions);
        BULK_BYTES.check(bulkBytes);
        BULK_CONCURRENCY.check(bulkConcurrency);
        BULK_FLUSH_INTERVAL.check(bulkFlushInterval);
        REPLICAS.check(replicas);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        require(username.isEmpty() || !password.isEmpty(), PASSWORD, "must be set when username is");
        require(password.isEmpty() || !username.isEmpty(), USERNAME, "must be set when password is");
        apiKey = apiKey == null ? "" : apiKey.trim();
        caCertificate = caCertificate == null ? "" : caCertificate.trim();
        require(
                apiKey.isEmpty() || username.isEmpty(),
                API_KEY,
                "must not be set together with username (choose one way to authenticate)");
        if (!caCertificate.isEmpty()) {
            require("https".equalsIgnoreCase(url.getScheme()), CA_CERTIFICATE, "needs an https url");
            ElasticsearchTls.readCertificates(CA_CERTIFICATE.key(), caCertificate);
        }
    }

    /** Whether requests carry HTTP basic authentication. */
    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** Whether requests carry an API key. */
    public boolean usesApiKey() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "ElasticsearchConfig[url=" + url + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "(redacted)") + ", api-key=" + (apiKey.isEmpty() ? "" : "(redacted)")
                + ", ca-certificate=" + caCertificate + ", replicas=" + replicas + "]";
    }

    /** All defaults: the embedded local node at {@code 127.0.0.1:9200}. */
    public static ElasticsearchConfig defaults() {
        return from(Settings.none());
    }

    /** The defaults with another node URL, as tests against a node on a free port need. */
    public static ElasticsearchConfig forUrl(String url) {
        return from(Settings.of(Map.of(URL.key(), url)));
    }

    /** The defaults with another node URL and, unless {@code username} is empty, basic authentication. */
    public static ElasticsearchConfig forUrl(String url, String username, String password) {
        return from(Settings.of(Map.of(URL.key(), url, USERNAME.key(), username, PASSWORD.key(), password)));
    }

    /** Reads every key through {@code lookup} (null or blank = unset, so the default applies). */
    public static ElasticsearchConfig from(Function<String, String> lookup) {
        return from(Settings.from(lookup));
    }

    /** Reads every setting from {@code settings}; a blank value means the default. */
    public static ElasticsearchConfig from(Settings settings) {
        Settings s = settings.blankAsUnset();
        return new ElasticsearchConfig(
                s.get(URL),
                s.get(REQUEST_TIMEOUT),
                s.get(BULK_ACTIONS),
                s.get(BULK_BYTES),
                s.get(BULK_CONCURRENCY),
                s.get(BULK_FLUSH_INTERVAL),
                s.get(REPLICAS),
                s.get(USERNAME),
                s.get(PASSWORD),
                s.get(API_KEY),
                s.get(CA_CERTIFICATE));
    }

    private static void require(boolean ok, Setting<?> setting, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(setting.key() + ": " + rule);
        }
    }
}
