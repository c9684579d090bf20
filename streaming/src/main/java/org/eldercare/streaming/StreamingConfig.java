package org.eldercare.streaming;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.validation.EventTimeWindow;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.pii.PiiSecrets;

/**
 * Every setting of the streaming jobs, typed, each with a default and a description (see {@link
 * #OPTIONS}). {@link #fromArgs(String[])} reads {@code --key=value} arguments for the job jar; code
 * that embeds the job starts from {@link #defaults()} and uses the {@code with...} copies.
 */
public record StreamingConfig(
        String kafkaBootstrap,
        String groupId,
        String elasticsearchUrl,
        String checkpointDir,
        Duration checkpointInterval,
        Duration coalesceInterval,
        Duration silenceThreshold,
        int rejectSpikeThreshold,
        Duration dedupTtl,
        int parallelism,
        boolean publishIndicatorsToKafka,
        String transactionalIdPrefix,
        PiiSecrets pii,
        String elasticsearchUsername,
        String elasticsearchPassword,
        String elasticsearchApiKey,
        String elasticsearchCaCertificate,
        KafkaClientSecurity kafkaSecurity)
        implements Serializable {

    /** Where the Kafka security settings are read: {@code --kafka.security.<name>} (docs/CONTRACT.md §6.6). */
    public static final String KAFKA_SECURITY = "kafka.security.";

    /** Options whose values are secrets: never in {@link #toString()}, best given by environment or file. */
    public static final List<String> SECRETS =
            List.of("es.password", "es.api-key", KAFKA_SECURITY + "password", KAFKA_SECURITY + "truststore-password");

    /** One setting: its {@code --key}, default and meaning. */
    public record Option(String key, String defaultValue, String description) {}

    public static final List<Option> OPTIONS = List.of(
            new Option("kafka.bootstrap", "127.0.0.1:9092", "Kafka bootstrap servers."),
            new Option("kafka.group-id", "eldercare-streaming", "Consumer group of the events source."),
            new Option("es.url", "http://127.0.0.1:9200", "Elasticsearch base URL for the document sinks."),
            new Option("es.username", "", "Elasticsearch user (basic authentication); empty sends none."),
            new Option("es.password", "", "Password of the Elasticsearch user; prefer ELDERCARE_JOB_ES_PASSWORD."),
            new Option(
                    "es.api-key",
                    "",
                    "Elasticsearch API key (encoded), sent as 'Authorization: ApiKey'; instead of es.username."
                            + " Prefer ELDERCARE_JOB_ES_API_KEY."),
            new Option(
                    "es.ca-certificate",
                    "",
                    "PEM file of the CA(s) of an https Elasticsearch; must exist where the job's tasks run."),
            new Option(
                    KAFKA_SECURITY + "protocol",
                    "PLAINTEXT",
                    "Kafka security.protocol of every source and sink: PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL."),
            new Option(KAFKA_SECURITY + "sasl-mechanism", "SCRAM-SHA-512", "SCRAM-SHA-512 or SCRAM-SHA-256."),
            new Option(KAFKA_SECURITY + "username", "", "The job's Kafka principal (SCRAM user), with SASL_*."),
            new Option(
                    KAFKA_SECURITY + "password",
                    "",
                    "Its password; prefer ELDERCARE_JOB_KAFKA_SECURITY_PASSWORD or password-file, never an argument."),
            new Option(
                    KAFKA_SECURITY + "password-file",
                    "",
                    "A file holding the password (a mounted secret); must exist where the job is submitted."),
            new Option(
                    KAFKA_SECURITY + "truststore-location",
                    "",
                    "Trust store of the brokers' CA with SSL/SASL_SSL; must exist where the job's tasks run."),
            new Option(KAFKA_SECURITY + "truststore-password", "", "Password of the trust store."),
            new Option(KAFKA_SECURITY + "truststore-type", "PKCS12", "PKCS12, JKS or PEM."),
            new Option("checkpoint.dir", "file:///tmp/eldercare/checkpoints", "Checkpoint storage URI."),
            new Option("checkpoint.interval", "PT5S", "Time between exactly-once checkpoints (ISO-8601)."),
            new Option(
                    "coalesce.interval",
                    "PT0.5S",
                    "Longest wait before a changed facility or scope is written; 0 writes every change."),
            new Option("alert.silence", "PT30M", "A facility with no event for this long raises FACILITY_SILENT."),
            new Option("alert.reject-spike", "20", "More rejects than this from one operator in a minute alert."),
            new Option(
                    "dedup.ttl",
                    "P8D",
                    "How long an event id is remembered for dedup: at least the accepted age of events plus their"
                            + " allowed clock skew (P7DT5M, docs/CONTRACT.md §6.2), so every resend the validation"
                            + " still accepts is recognised. The job refuses to start with less."),
            new Option("parallelism", "2", "Parallelism of every operator."),
            new Option(
                    "indicators.kafka",
                    "true",
                    "Also publish indicators to the compacted topic eldercare.indicators.v1."),
            new Option(
                    "kafka.transactional-id-prefix",
                    "eldercare-streaming",
                    "Prefix of the Kafka sinks' transactional ids; each sink appends its own name."),
            new Option(
                    "pii.hmac-key-file",
                    "",
                    "File holding the secret key (at least 16 bytes) of the ID number and phone digests: the API's"
                            + " eldercare.security.hmac-key. Read by each task, never a job argument; empty reads env "
                            + PiiSecrets.ENV_HMAC_KEY + " on the task managers. Changing it orphans every digest at"
                            + " rest (docs/CONTRACT.md §6.7)."),
            new Option(
                    "pii.keys-file",
                    "",
                    "File holding the keyring (kid:base64key,…; the first seals) of sealed recipients: the API's"
                            + " eldercare.security.pii-keys. Empty reads env " + PiiSecrets.ENV_KEYS
                            + " on the task managers."),
            new Option(
                    "pii.allow-demo-key",
                    "false",
                    "Lets the job run with the public demo keys (and use them when none is set). Only the local"
                            + " launcher sets it; otherwise the demo keys and a missing key are refused."));

    public StreamingConfig {
        if (dedupTtl.compareTo(EventTimeWindow.MIN_DEDUP_HORIZON) < 0) {
            throw new IllegalArgumentException("dedup.ttl: must be at least " + EventTimeWindow.MIN_DEDUP_HORIZON
                    + " (events are accepted up to " + EventTimeWindow.MAX_PAST.toDays()
                    + " days old, plus clock skew, and a resend that old must still count once:"
                    + " docs/CONTRACT.md §6.2), was " + dedupTtl);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: must be at least 1, was " + parallelism);
        }
        if (coalesceInterval.isNegative() || checkpointInterval.isNegative() || silenceThreshold.isNegative()) {
            throw new IllegalArgumentException("durations: must not be negative");
        }
        java.util.Objects.requireNonNull(pii, "pii");
        kafkaSecurity = kafkaSecurity == null ? KafkaClientSecurity.plaintext() : kafkaSecurity;
        elasticsearchConfig(
                elasticsearchUrl,
                elasticsearchUsername,
                elasticsearchPassword,
                elasticsearchApiKey,
                elasticsearchCaCertificate); // fails at start, naming the --es. option
    }

    /** The Elasticsearch client settings of the document sinks: URL, authentication and CA. */
    public ElasticsearchConfig elasticsearchConfig() {
        return elasticsearchConfig(
                elasticsearchUrl,
                elasticsearchUsername,
                elasticsearchPassword,
                elasticsearchApiKey,
                elasticsearchCaCertificate);
    }

    private static ElasticsearchConfig elasticsearchConfig(
            String url, String username, String password, String apiKey, String caCertificate) {
        Map<String, String> es = new HashMap<>();
        es.put(ElasticsearchConfig.PREFIX + "url", url);
        es.put(ElasticsearchConfig.PREFIX + "username", username);
        es.put(ElasticsearchConfig.PREFIX + "password", password);
        es.put(ElasticsearchConfig.PREFIX + "api-key", apiKey);
        es.put(ElasticsearchConfig.PREFIX + "ca-certificate", caCertificate);
        try {
            return ElasticsearchConfig.from(es::get);
        } catch (IllegalArgumentException e) {
            // The job's own names for the same settings: --es.<name>.
            throw new IllegalArgumentException(e.getMessage().replace(ElasticsearchConfig.PREFIX, "--es."), e);
        }
    }

    public static StreamingConfig defaults() {
        return fromArgs(new String[0]);
    }

    /** Reads {@code --key=value} arguments; unknown keys and malformed values fail naming the key. */
    public static StreamingConfig fromArgs(String[] args) {
        return fromArgs(args, name -> null);
    }

    /**
     * Like {@link #fromArgs(String[])}, with each option's default first overridden by the environment variable
     * {@link #envName(String)} (e.g. {@code ELDERCARE_JOB_PII_HMAC_KEY}), so secrets can come from a Kubernetes or
     * compose secret instead of the job's visible arguments. Arguments win over the environment.
     */
    public static StreamingConfig fromArgs(String[] args, Function<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach(o -> {
            String fromEnv = environment.apply(envName(o.key()));
            values.put(o.key(), fromEnv != null ? fromEnv : o.defaultValue());
        });
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": must look like --key=value");
            }
            String key = arg.substring(2, eq);
            if (key.equals("pii.hmac-key")) {
                throw new IllegalArgumentException("--pii.hmac-key: keys are never job arguments any more; name a"
                        + " file with --pii.hmac-key-file or set " + PiiSecrets.ENV_HMAC_KEY
                        + " on the task managers (docs/CONTRACT.md §6.7)");
            }
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("--" + key + ": unknown option; known are " + values.keySet());
            }
            values.put(key, arg.substring(eq + 1));
        }
        return fromMap(values);
    }

    /** The environment variable of an option: {@code ELDERCARE_JOB_} and the key upper-cased, {@code .-} as {@code _}. */
    public static String envName(String key) {
        return "ELDERCARE_JOB_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static StreamingConfig fromMap(Map<String, String> v) {
        return new StreamingConfig(
                v.get("kafka.bootstrap"),
                v.get("kafka.group-id"),
                v.get("es.url"),
                v.get("checkpoint.dir"),
                parse(v, "checkpoint.interval", Duration::parse),
                parse(v, "coalesce.interval", Duration::parse),
                parse(v, "alert.silence", Duration::parse),
                parse(v, "alert.reject-spike", Integer::parseInt),
                parse(v, "dedup.ttl", Duration::parse),
                parse(v, "parallelism", Integer::parseInt),
                parse(v, "indicators.kafka", StreamingConfig::bool),
                v.get("kafka.transactional-id-prefix"),
                new PiiSecrets(
                        v.get("pii.hmac-key-file"),
                        v.get("pii.keys-file"),
                        parse(v, "pii.allow-demo-key", StreamingConfig::bool)),
                v.get("es.username"),
                v.get("es.password"),
                v.get("es.api-key"),
                v.get("es.ca-certificate"),
                KafkaClientSecurity.from("--" + KAFKA_SECURITY, name -> v.get(name.substring(2))));
    }

    private static <T> T parse(Map<String, String> values, String key, Function<String, T> parser) {
        String raw = values.get(key);
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + key + ": cannot read '" + raw + "' (" + e.getMessage() + ")");
        }
    }

    private static boolean bool(String s) {
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
        return Boolean.parseBoolean(s);
    }

    /** The settings as {@code --key=value} arguments; {@code fromArgs(toArgs())} gives an equal config. */
    public String[] toArgs() {
        Map<String, String> v = new HashMap<>();
        v.put("kafka.bootstrap", kafkaBootstrap);
        v.put("kafka.group-id", groupId);
        v.put("es.url", elasticsearchUrl);
        v.put("checkpoint.dir", checkpointDir);
        v.put("checkpoint.interval", checkpointInterval.toString());
        v.put("coalesce.interval", coalesceInterval.toString());
        v.put("alert.silence", silenceThreshold.toString());
        v.put("alert.reject-spike", Integer.toString(rejectSpikeThreshold));
        v.put("dedup.ttl", dedupTtl.toString());
        v.put("parallelism", Integer.toString(parallelism));
        v.put("indicators.kafka", Boolean.toString(publishIndicatorsToKafka));
        v.put("kafka.transactional-id-prefix", transactionalIdPrefix);
        v.put("pii.hmac-key-file", pii.hmacKeyFile());
        v.put("pii.keys-file", pii.keysFile());
        v.put("pii.allow-demo-key", Boolean.toString(pii.allowDemoKey()));
        v.put("es.username", elasticsearchUsername);
        v.put("es.password", elasticsearchPassword);
        v.put("es.api-key", elasticsearchApiKey);
        v.put("es.ca-certificate", elasticsearchCaCertificate);
        v.put(KAFKA_SECURITY + "protocol", kafkaSecurity.protocol().name());
        v.put(KAFKA_SECURITY + "sasl-mechanism", kafkaSecurity.saslMechanism());
        v.put(KAFKA_SECURITY + "username", nullToEmpty(kafkaSecurity.username()));
        // The file was read when this config was made; the copy carries the password itself.
        v.put(KAFKA_SECURITY + "password", nullToEmpty(kafkaSecurity.password()));
        v.put(KAFKA_SECURITY + "password-file", "");
        v.put(KAFKA_SECURITY + "truststore-location", nullToEmpty(kafkaSecurity.truststoreLocation()));
        v.put(KAFKA_SECURITY + "truststore-password", nullToEmpty(kafkaSecurity.truststorePassword()));
        v.put(KAFKA_SECURITY + "truststore-type", kafkaSecurity.truststoreType());
        return OPTIONS.stream().map(o -> "--" + o.key() + "=" + v.get(o.key())).toArray(String[]::new);
    }

    /** The settings with every {@link #SECRETS secret} redacted: configs get logged, secrets must not be. */
    @Override
    public String toString() {
        String[] args = toArgs();
        for (int i = 0; i < args.length; i++) {
            for (String secret : SECRETS) {
                if (args[i].startsWith("--" + secret + "=") && args[i].length() > secret.length() + 3) {
                    args[i] = "--" + secret + "=<redacted>";
                }
            }
        }
        return "StreamingConfig" + Arrays.toString(args);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public StreamingConfig withKafkaBootstrap(String value) {
        return with("kafka.bootstrap", value);
    }

    public StreamingConfig withCheckpointDir(String value) {
        return with("checkpoint.dir", value);
    }

    public StreamingConfig withCoalesceInterval(Duration value) {
        return with("coalesce.interval", value.toString());
    }

    public StreamingConfig withSilenceThreshold(Duration value) {
        return with("alert.silence", value.toString());
    }

    public StreamingConfig withParallelism(int value) {
        return with("parallelism", Integer.toString(value));
    }

    /** A copy with one setting changed, by its key as in {@link #OPTIONS}. */
    public StreamingConfig with(String key, String value) {
        return fromArgs(new String[] {"--" + key + "=" + value}, toArgs());
    }

    private static StreamingConfig fromArgs(String[] override, String[] base) {
        String[] all = new String[base.length + override.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(override, 0, all, base.length, override.length);
        return fromArgs(all);
    }
}
