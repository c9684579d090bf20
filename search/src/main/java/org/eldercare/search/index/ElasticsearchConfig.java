package org.eldercare.search.index;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the platform talks to Elasticsearch. Every key has a default that works with the embedded
 * local node, listed with its description in {@link #SETTINGS}. Invalid values fail fast with a
 * message naming the key and the rule.
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

    public static final String PREFIX = "eldercare.elasticsearch.";

    public static final List<Setting> SETTINGS = List.of(
            new Setting(PREFIX + "url", "http://127.0.0.1:9200", "Base URL of one Elasticsearch node"),
            new Setting(PREFIX + "request-timeout", "PT30S", "Response timeout of one request (ISO-8601 duration)"),
            new Setting(PREFIX + "bulk-actions", "1000", "Documents per bulk request"),
            new Setting(PREFIX + "bulk-bytes", "5242880", "Maximum bytes of one bulk request"),
            new Setting(PREFIX + "bulk-concurrency", "2", "Bulk requests in flight at once; more wait (backpressure)"),
            new Setting(
                    PREFIX + "bulk-flush-interval",
                    "PT0.2S",
                    "Longest time a document waits in a partial bulk; part of the indicators' freshness"),
            new Setting(PREFIX + "replicas", "0", "Replicas of each index created; 0 for a single node"),
            new Setting(
                    PREFIX + "username",
                    "",
                    "User for HTTP basic authentication, when the cluster has security on; empty sends none"),
            new Setting(PREFIX + "password", "", "Password of that user; never logged"),
            new Setting(
                    PREFIX + "api-key",
                    "",
                    "Encoded API key, sent as 'Authorization: ApiKey <key>'; instead of username; never logged"),
            new Setting(
                    PREFIX + "ca-certificate",
                    "",
                    "PEM file of the CA certificate(s) the https cluster's certificate must chain to; empty trusts"
                            + " the JVM's default CAs"));

    public ElasticsearchConfig {
        require(url != null && url.getHost() != null, "url", "must be an absolute http(s) URL");
        require(requestTimeout != null && requestTimeout.isPositive(), "request-timeout", "must be positive");
        require(bulkActions >= 1 && bulkActions <= 100_000, "bulk-actions", "must be between 1 and 100000");
        require(bulkBytes >= 1024, "bulk-bytes", "must be at least 1024");
        require(bulkConcurrency >= 1 && bulkConcurrency <= 64, "bulk-concurrency", "must be between 1 and 64");
        require(bulkFlushInterval != null && bulkFlushInterval.isPositive(), "bulk-flush-interval", "must be positive");
        require(replicas >= 0 && replicas <= 10, "replicas", "must be between 0 and 10");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        require(username.isEmpty() || !password.isEmpty(), "password", "must be set when username is");
        require(!password.isEmpty() ? !username.isEmpty() : true, "username", "must be set when password is");
        apiKey = apiKey == null ? "" : apiKey.trim();
        caCertificate = caCertificate == null ? "" : caCertificate.trim();
        require(
                apiKey.isEmpty() || username.isEmpty(),
                "api-key",
                "must not be set together with username (choose one way to authenticate)");
        if (!caCertificate.isEmpty()) {
            require("https".equalsIgnoreCase(url.getScheme()), "ca-certificate", "needs an https url");
            ElasticsearchTls.readCertificates(PREFIX + "ca-certificate", caCertificate);
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
        return from(key -> null);
    }

    /** The defaults with another node URL, as tests against a node on a free port need. */
    public static ElasticsearchConfig forUrl(String url) {
        return from(Map.of(PREFIX + "url", url)::get);
    }

    /** The defaults with another node URL and, unless {@code username} is empty, basic authentication. */
    public static ElasticsearchConfig forUrl(String url, String username, String password) {
        return from(Map.of(PREFIX + "url", url, PREFIX + "username", username, PREFIX + "password", password)::get);
    }

    /** Reads every key through {@code lookup} (null = unset, so the default applies). */
    public static ElasticsearchConfig from(Function<String, String> lookup) {
        Function<String, String> value = name -> {
            String key = PREFIX + name;
            String set = lookup.apply(key);
            return set != null && !set.isBlank() ? set.trim() : defaultOf(key);
        };
        return new ElasticsearchConfig(
                parse(name -> URI.create(value.apply(name)), "url"),
                parse(name -> Duration.parse(value.apply(name)), "request-timeout"),
                parse(name -> Integer.parseInt(value.apply(name)), "bulk-actions"),
                parse(name -> Long.parseLong(value.apply(name)), "bulk-bytes"),
                parse(name -> Integer.parseInt(value.apply(name)), "bulk-concurrency"),
                parse(name -> Duration.parse(value.apply(name)), "bulk-flush-interval"),
                parse(name -> Integer.parseInt(value.apply(name)), "replicas"),
                value.apply("username"),
                value.apply("password"),
                value.apply("api-key"),
                value.apply("ca-certificate"));
    }

    private static String defaultOf(String key) {
        return SETTINGS.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow()
                .defaultValue();
    }

    private static <T> T parse(Function<String, T> parser, String name) {
        try {
            return parser.apply(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(PREFIX + name + ": cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    private static void require(boolean ok, String name, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + name + ": " + rule);
        }
    }
}
