package org.eldercare.streaming;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.validation.EventTimeWindow;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.eldercare.streaming.pii.PiiSecrets;

/**
 * Every setting of the streaming jobs, each a {@link Setting} constant with its default, description and rules (all
 * in {@link #SETTINGS}). {@link #fromArgs(String[])} reads {@code --key=value} arguments for the job jar, {@link
 * #fromArgs(String[], Function)} also the environment ({@code ELDERCARE_JOB_<KEY>}, docs/CONTRACT.md §6.4); code that
 * embeds the job starts from {@link #defaults()} and uses the {@code with...} copies. A value that cannot be read or
 * breaks a rule fails naming the key and the rule.
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
        int resolveParallelism,
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
    public static final String KAFKA_SECURITY = KafkaClientSecurity.JOB.prefix();

    /** Prefix of the environment variable of each setting ({@link #envName(String)}). */
    public static final String ENV_PREFIX = "ELDERCARE_JOB_";

    public static final Setting<String> KAFKA_BOOTSTRAP =
            Setting.text("kafka.bootstrap", "127.0.0.1:9092", "Kafka bootstrap servers.");
    public static final Setting<String> GROUP_ID =
            Setting.text("kafka.group-id", "eldercare-streaming", "Consumer group of the events source.");
    public static final Setting<String> ES_URL =
            Setting.text("es.url", "http://127.0.0.1:9200", "Elasticsearch base URL for the document sinks.");
    public static final Setting<String> ES_USERNAME =
            Setting.text("es.username", "", "Elasticsearch user (basic authentication); empty sends none.");
    public static final Setting<String> ES_PASSWORD = Setting.text(
                    "es.password", "", "Password of the Elasticsearch user; prefer ELDERCARE_JOB_ES_PASSWORD.")
            .secret();
    public static final Setting<String> ES_API_KEY = Setting.text(
                    "es.api-key",
                    "",
                    "Elasticsearch API key (encoded), sent as 'Authorization: ApiKey'; instead of es.username."
                            + " Prefer ELDERCARE_JOB_ES_API_KEY.")
            .secret();
    public static final Setting<String> ES_CA_CERTIFICATE = Setting.text(
            "es.ca-certificate",
            "",
            "PEM file of the CA(s) of an https Elasticsearch; must exist where the job's tasks run.");

    /**
     * How every Kafka source and sink of the job authenticates: {@code --kafka.security.*} ({@link
     * KafkaClientSecurity#JOB}, docs/CONTRACT.md §6.6).
     */
    public static final KafkaClientSecurity.Keys KAFKA_SECURITY_KEYS = KafkaClientSecurity.JOB;

    public static final Setting<String> CHECKPOINT_DIR =
            Setting.text("checkpoint.dir", "file:///tmp/eldercare/checkpoints", "Checkpoint storage URI.");
    public static final Setting<Duration> CHECKPOINT_INTERVAL = notNegative(
            Setting.duration("checkpoint.interval", "PT5S", "Time between exactly-once checkpoints (ISO-8601)."));
    public static final Setting<Duration> COALESCE_INTERVAL = notNegative(Setting.duration(
            "coalesce.interval",
            "PT0.5S",
            "Longest wait before a changed facility or scope is written; 0 writes every change."));
    public static final Setting<Duration> ALERT_SILENCE = notNegative(Setting.duration(
            "alert.silence", "PT30M", "A facility with no event for this long raises FACILITY_SILENT."));
    public static final Setting<Integer> REJECT_SPIKE =
            Setting.integer("alert.reject-spike", "20", "More rejects than this from one operator in a minute alert.");
    public static final Setting<Duration> DEDUP_TTL = Setting.duration(
                    "dedup.ttl",
                    "P8D",
                    "How long an event id is remembered for dedup: at least the accepted age of events plus their"
                            + " allowed clock skew (P7DT5M, docs/CONTRACT.md §6.2), so every resend the validation"
                            + " still accepts is recognised. The job refuses to start with less.")
            .rule(
                    ttl -> ttl.compareTo(EventTimeWindow.MIN_DEDUP_HORIZON) >= 0,
                    "must be at least " + EventTimeWindow.MIN_DEDUP_HORIZON + " (events are accepted up to "
                            + EventTimeWindow.MAX_PAST.toDays()
                            + " days old, plus clock skew, and a resend that old must still count once:"
                            + " docs/CONTRACT.md §6.2)");
    public static final Setting<Integer> PARALLELISM = Setting.integer(
                    "parallelism", "2", "Parallelism of every operator.")
            .rule(p -> p >= 1, "must be at least 1");
    /**
     * Instances of recipient resolution's per-record stage ({@code PrepareRecipients}); the resolver after it is one
     * instance whatever this says (docs/CONTRACT.md §4).
     */
    public static final Setting<Integer> RESOLVE_PARALLELISM = Setting.integer(
                    "resolve.parallelism",
                    "0",
                    "Instances that prepare service records for recipient resolution (open, normalise, digest,"
                            + " blocking keys); the resolver after them is always one. 0 = the job's parallelism.")
            .rule(p -> p >= 0, "must be 0 (the job's parallelism) or more");

    public static final Setting<Boolean> INDICATORS_KAFKA = Setting.bool(
            "indicators.kafka", "true", "Also publish indicators to the compacted topic eldercare.indicators.v1.");
    public static final Setting<String> TRANSACTIONAL_ID_PREFIX = Setting.text(
            "kafka.transactional-id-prefix",
            "eldercare-streaming",
            "Prefix of the Kafka sinks' transactional ids; each sink appends its own name.");
    public static final Setting<String> PII_HMAC_KEY_FILE = Setting.text(
            "pii.hmac-key-file",
            "",
            "File holding the secret key (at least 16 bytes) of the ID number and phone digests: the API's"
                    + " eldercare.security.hmac-key. Read by each task, never a job argument; empty reads env "
                    + PiiSecrets.ENV_HMAC_KEY + " on the task managers. Changing it orphans every digest at rest"
                    + " (docs/CONTRACT.md §6.7).");
    public static final Setting<String> PII_KEYS_FILE = Setting.text(
            "pii.keys-file",
            "",
            "File holding the keyring (kid:base64key,…; the first seals) of sealed recipients: the API's"
                    + " eldercare.security.pii-keys. Empty reads env " + PiiSecrets.ENV_KEYS
                    + " on the task managers.");
    public static final Setting<Boolean> PII_ALLOW_DEMO_KEY = Setting.bool(
            "pii.allow-demo-key",
            "false",
            "Lets the job run with the public demo keys (and use them when none is set). Only the local launcher sets"
                    + " it; otherwise the demo keys and a missing key are refused.");

    /** Every setting, in the order of {@link #toArgs()}. */
    public static final List<Setting<?>> SETTINGS = List.of(
            KAFKA_BOOTSTRAP,
            GROUP_ID,
            ES_URL,
            ES_USERNAME,
            ES_PASSWORD,
            ES_API_KEY,
            ES_CA_CERTIFICATE,
            KAFKA_SECURITY_KEYS.protocol(),
            KAFKA_SECURITY_KEYS.saslMechanism(),
            KAFKA_SECURITY_KEYS.username(),
            KAFKA_SECURITY_KEYS.password(),
            KAFKA_SECURITY_KEYS.passwordFile(),
            KAFKA_SECURITY_KEYS.truststoreLocation(),
            KAFKA_SECURITY_KEYS.truststorePassword(),
            KAFKA_SECURITY_KEYS.truststoreType(),
            CHECKPOINT_DIR,
            CHECKPOINT_INTERVAL,
            COALESCE_INTERVAL,
            ALERT_SILENCE,
            REJECT_SPIKE,
            DEDUP_TTL,
            PARALLELISM,
            RESOLVE_PARALLELISM,
            INDICATORS_KAFKA,
            TRANSACTIONAL_ID_PREFIX,
            PII_HMAC_KEY_FILE,
            PII_KEYS_FILE,
            PII_ALLOW_DEMO_KEY);

    /** The keys whose values are secrets: never in {@link #toString()}, best given by environment or file. */
    public static final List<String> SECRETS =
            SETTINGS.stream().filter(Setting::isSecret).map(Setting::key).toList();

    public StreamingConfig {
        DEDUP_TTL.check(dedupTtl);
        PARALLELISM.check(parallelism);
        RESOLVE_PARALLELISM.check(resolveParallelism);
        CHECKPOINT_INTERVAL.check(checkpointInterval);
        COALESCE_INTERVAL.check(coalesceInterval);
        ALERT_SILENCE.check(silenceThreshold);
        java.util.Objects.requireNonNull(pii, "pii");
        kafkaSecurity = kafkaSecurity == null ? KafkaClientSecurity.plaintext() : kafkaSecurity;
        if (kafkaSecurity.password() != null) {
            // The config travels in the JobGraph (in every Kafka source and sink); a password there is readable by
            // whoever can read the graph. A file is read by Kafka itself on the task managers.
            throw new IllegalArgumentException(
                    "--" + KAFKA_SECURITY_KEYS.password().key()
                            + ": the job never carries a Kafka password (it would be in the JobGraph); name a file readable"
                            + " where the job runs with --"
                            + KAFKA_SECURITY_KEYS.passwordFile().key() + " (or "
                            + envName(KAFKA_SECURITY_KEYS.passwordFile().key()) + ") instead (docs/CONTRACT.md §6.6)");
        }
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
        es.put(ElasticsearchConfig.URL.key(), url);
        es.put(ElasticsearchConfig.USERNAME.key(), username);
        es.put(ElasticsearchConfig.PASSWORD.key(), password);
        es.put(ElasticsearchConfig.API_KEY.key(), apiKey);
        es.put(ElasticsearchConfig.CA_CERTIFICATE.key(), caCertificate);
        try {
            return ElasticsearchConfig.from(es::get);
        } catch (IllegalArgumentException e) {
            // The job's own names for the same settings: --es.<name>.
            throw new IllegalArgumentException(e.getMessage().replace(ElasticsearchConfig.PREFIX, "--es."), e);
        }
    }

    public static StreamingConfig defaults() {
        return from(Settings.none());
    }

    /** Reads {@code --key=value} arguments; unknown keys and malformed values fail naming the key. */
    public static StreamingConfig fromArgs(String[] args) {
        return fromArgs(args, name -> null);
    }

    /**
     * Like {@link #fromArgs(String[])}, with each option's default first overridden by the environment variable
     * {@link #envName(String)} (e.g. {@code ELDERCARE_JOB_ES_PASSWORD}), so secrets can come from a Kubernetes or
     * compose secret instead of the job's visible arguments. Arguments win over the environment.
     */
    public static StreamingConfig fromArgs(String[] args, Function<String, String> environment) {
        for (String arg : args) {
            refuseKeyArgument(arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : "");
        }
        return from(Settings.fromArgs(args, SETTINGS)
                .orElse(Settings.environment(SETTINGS, s -> s.envName(ENV_PREFIX), environment)));
    }

    /** The environment variable of an option: {@code ELDERCARE_JOB_} and the key upper-cased, {@code .-} as {@code _}. */
    public static String envName(String key) {
        return Setting.envName(ENV_PREFIX, key);
    }

    /** Reads every setting from {@code s}; an unset one has its default. */
    public static StreamingConfig from(Settings s) {
        return new StreamingConfig(
                s.get(KAFKA_BOOTSTRAP),
                s.get(GROUP_ID),
                s.get(ES_URL),
                s.get(CHECKPOINT_DIR),
                s.get(CHECKPOINT_INTERVAL),
                s.get(COALESCE_INTERVAL),
                s.get(ALERT_SILENCE),
                s.get(REJECT_SPIKE),
                s.get(DEDUP_TTL),
                s.get(PARALLELISM),
                s.get(RESOLVE_PARALLELISM),
                s.get(INDICATORS_KAFKA),
                s.get(TRANSACTIONAL_ID_PREFIX),
                new PiiSecrets(s.get(PII_HMAC_KEY_FILE), s.get(PII_KEYS_FILE), s.get(PII_ALLOW_DEMO_KEY)),
                s.get(ES_USERNAME),
                s.get(ES_PASSWORD),
                s.get(ES_API_KEY),
                s.get(ES_CA_CERTIFICATE),
                KafkaClientSecurity.from(KAFKA_SECURITY_KEYS, s, "--" + KAFKA_SECURITY));
    }

    /** Each setting with this config's value, in the order of {@link #SETTINGS}. */
    public List<Setting.Value<?>> values() {
        return List.of(
                KAFKA_BOOTSTRAP.with(kafkaBootstrap),
                GROUP_ID.with(groupId),
                ES_URL.with(elasticsearchUrl),
                ES_USERNAME.with(elasticsearchUsername),
                ES_PASSWORD.with(elasticsearchPassword),
                ES_API_KEY.with(elasticsearchApiKey),
                ES_CA_CERTIFICATE.with(elasticsearchCaCertificate),
                KAFKA_SECURITY_KEYS.protocol().with(kafkaSecurity.protocol().name()),
                KAFKA_SECURITY_KEYS.saslMechanism().with(kafkaSecurity.saslMechanism()),
                KAFKA_SECURITY_KEYS.username().with(nullToEmpty(kafkaSecurity.username())),
                // Never set (the constructor refuses it): the job carries the file's path, not the password.
                KAFKA_SECURITY_KEYS.password().with(nullToEmpty(kafkaSecurity.password())),
                KAFKA_SECURITY_KEYS.passwordFile().with(nullToEmpty(kafkaSecurity.passwordFile())),
                KAFKA_SECURITY_KEYS.truststoreLocation().with(nullToEmpty(kafkaSecurity.truststoreLocation())),
                KAFKA_SECURITY_KEYS.truststorePassword().with(nullToEmpty(kafkaSecurity.truststorePassword())),
                KAFKA_SECURITY_KEYS.truststoreType().with(kafkaSecurity.truststoreType()),
                CHECKPOINT_DIR.with(checkpointDir),
                CHECKPOINT_INTERVAL.with(checkpointInterval),
                COALESCE_INTERVAL.with(coalesceInterval),
                ALERT_SILENCE.with(silenceThreshold),
                REJECT_SPIKE.with(rejectSpikeThreshold),
                DEDUP_TTL.with(dedupTtl),
                PARALLELISM.with(parallelism),
                RESOLVE_PARALLELISM.with(resolveParallelism),
                INDICATORS_KAFKA.with(publishIndicatorsToKafka),
                TRANSACTIONAL_ID_PREFIX.with(transactionalIdPrefix),
                PII_HMAC_KEY_FILE.with(pii.hmacKeyFile()),
                PII_KEYS_FILE.with(pii.keysFile()),
                PII_ALLOW_DEMO_KEY.with(pii.allowDemoKey()));
    }

    /** The settings as {@code --key=value} arguments; {@code fromArgs(toArgs())} gives an equal config. */
    public String[] toArgs() {
        return values().stream().map(Setting.Value::asArgument).toArray(String[]::new);
    }

    /** The settings with every secret ({@link #SECRETS}) redacted: configs get logged, secrets must not be. */
    @Override
    public String toString() {
        return "StreamingConfig"
                + values().stream().map(Setting.Value::shownArgument).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public StreamingConfig withKafkaBootstrap(String value) {
        return with(KAFKA_BOOTSTRAP.key(), value);
    }

    public StreamingConfig withCheckpointDir(String value) {
        return with(CHECKPOINT_DIR.key(), value);
    }

    public StreamingConfig withCoalesceInterval(Duration value) {
        return with(COALESCE_INTERVAL.key(), value.toString());
    }

    public StreamingConfig withSilenceThreshold(Duration value) {
        return with(ALERT_SILENCE.key(), value.toString());
    }

    public StreamingConfig withParallelism(int value) {
        return with(PARALLELISM.key(), Integer.toString(value));
    }

    /** A copy with one setting changed; the value is checked against the setting's rules. */
    public <T> StreamingConfig with(Setting<T> setting, T value) {
        return with(setting.key(), setting.format(value));
    }

    /** A copy with one setting changed, by its key as in {@link #SETTINGS}; errors name the bare key. */
    public StreamingConfig with(String key, String value) {
        refuseKeyArgument(key);
        Map<String, String> current = new LinkedHashMap<>();
        values().forEach(v -> current.put(v.setting().key(), formatted(v)));
        if (!current.containsKey(key)) {
            throw new IllegalArgumentException("--" + key + ": unknown option; known are " + current.keySet());
        }
        current.put(key, value);
        return from(Settings.of(current));
    }

    /** The PII keys were options once; now they never are (docs/CONTRACT.md §6.7). */
    private static void refuseKeyArgument(String key) {
        if (key.equals("pii.hmac-key")) {
            throw new IllegalArgumentException("--pii.hmac-key: keys are never job arguments any more; name a file with"
                    + " --pii.hmac-key-file or set " + PiiSecrets.ENV_HMAC_KEY + " on the task managers"
                    + " (docs/CONTRACT.md §6.7)");
        }
    }

    private static <T> String formatted(Setting.Value<T> v) {
        return v.setting().format(v.value());
    }

    private static Setting<Duration> notNegative(Setting<Duration> setting) {
        return setting.rule(d -> !d.isNegative(), "must not be negative");
    }

    /** The Kafka connection of the job's sources and sinks. */
    public KafkaEndpoints.Connection kafka() {
        return new KafkaEndpoints.Connection(kafkaBootstrap, groupId, transactionalIdPrefix, kafkaSecurity);
    }
}
