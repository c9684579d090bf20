package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingConfigTest {

    @Test
    void everyOptionHasADefaultAndADescription() {
        StreamingConfig config = StreamingConfig.defaults();

        assertThat(StreamingConfig.SETTINGS).allSatisfy(o -> {
            if (!java.util.List.of(
                            "es.username",
                            "es.password",
                            "es.api-key",
                            "es.ca-certificate",
                            "kafka.security.username",
                            "kafka.security.password",
                            "kafka.security.password-file",
                            "kafka.security.truststore-location",
                            "kafka.security.truststore-password",
                            "pii.hmac-key-file",
                            "pii.keys-file")
                    .contains(o.key())) {
                assertThat(o.defaultText()).isNotBlank(); // credentials, trust and key files default to none
            }
            assertThat(o.description()).isNotBlank();
        });
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.coalesceInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.dedupTtl()).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void readsJobJarArguments() {
        StreamingConfig config = StreamingConfig.fromArgs(
                new String[] {"--kafka.bootstrap=kafka:9092", "--coalesce.interval=PT2S", "--parallelism=4"});

        assertThat(config.kafkaBootstrap()).isEqualTo("kafka:9092");
        assertThat(config.coalesceInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.parallelism()).isEqualTo(4);
        assertThat(StreamingConfig.fromArgs(config.toArgs())).isEqualTo(config);
        assertThat(config.with(StreamingConfig.COALESCE_INTERVAL, Duration.ofSeconds(3))
                        .coalesceInterval())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void preparesRecordsForTheResolverAtTheEnvironmentsParallelismUnlessToldOtherwise() {
        // 0 leaves the stage at the parallelism of the environment the job is built in, which a test may have set
        // below the configured one (a one-slot MiniCluster).
        assertThat(StreamingConfig.defaults().withParallelism(3).resolveParallelism())
                .isZero();
        StreamingConfig four = StreamingConfig.fromArgs(new String[] {"--parallelism=2", "--resolve.parallelism=4"});
        assertThat(four.resolveParallelism()).isEqualTo(4);
        assertThat(StreamingConfig.fromArgs(four.toArgs())).isEqualTo(four);
        assertThatThrownBy(() -> StreamingConfig.fromArgs(new String[] {"--resolve.parallelism=-1"}))
                .hasMessageContaining("resolve.parallelism: must be 0 (the job's parallelism) or more, was -1");
    }

    @Test
    void namesTheOptionThatCannotBeRead() {
        assertThatThrownBy(() -> StreamingConfig.fromArgs(new String[] {"--parallelism=many"}))
                .hasMessageStartingWith("--parallelism: must be a whole number, was 'many'");
        assertThatThrownBy(() -> StreamingConfig.fromArgs(new String[] {"--kafka.bootstrp=x"}))
                .hasMessageStartingWith("--kafka.bootstrp: unknown option");
        assertThatThrownBy(() -> StreamingConfig.defaults().with("dedup.ttl", "P1D"))
                .hasMessageStartingWith("dedup.ttl: must be at least PT168H5M")
                .hasMessageEndingWith("was PT24H");
    }

    @Test
    void takesNoKeyAsAnArgumentOnlyWhereToReadIt() {
        // docs/CONTRACT.md §6.7: keys never on a command line.
        assertThatThrownBy(() -> StreamingConfig.defaults().with("pii.hmac-key", "a-production-secret-of-32-bytes!"))
                .hasMessageStartingWith("--pii.hmac-key: keys are never job arguments")
                .hasMessageNotContaining("a-production-secret");
        StreamingConfig config = StreamingConfig.defaults().with("pii.hmac-key-file", "/run/secrets/hmac");

        assertThat(config.pii().hmacKeyFile()).isEqualTo("/run/secrets/hmac");
        assertThat(config.pii().allowDemoKey()).isFalse();
    }

    @Test
    void takesSecretsFromTheEnvironmentAndLetsArgumentsWin() {
        java.util.Map<String, String> env = java.util.Map.of(
                "ELDERCARE_JOB_PII_KEYS_FILE", "/run/secrets/keys",
                "ELDERCARE_JOB_ES_USERNAME", "eldercare-job",
                "ELDERCARE_JOB_ES_PASSWORD", "from-env",
                "ELDERCARE_JOB_KAFKA_BOOTSTRAP", "env-kafka:9092");

        StreamingConfig config = StreamingConfig.fromArgs(new String[] {"--kafka.bootstrap=arg-kafka:9092"}, env::get);

        assertThat(config.pii().keysFile()).isEqualTo("/run/secrets/keys");
        assertThat(config.elasticsearchPassword()).isEqualTo("from-env");
        assertThat(config.kafkaBootstrap()).isEqualTo("arg-kafka:9092");
        assertThat(StreamingConfig.envName("kafka.transactional-id-prefix"))
                .isEqualTo("ELDERCARE_JOB_KAFKA_TRANSACTIONAL_ID_PREFIX");
    }

    @Test
    void refusesToStartWithADedupHorizonShorterThanTheAcceptedAgeOfEvents() {
        // docs/CONTRACT.md §6.2: a resend the validation still accepts must still be remembered.
        assertThatThrownBy(() -> StreamingConfig.defaults().with("dedup.ttl", "P7D"))
                .hasMessageContaining("dedup.ttl: must be at least PT168H5M (events are accepted up to 7 days old");
        assertThat(StreamingConfig.defaults().with("dedup.ttl", "PT168H5M").dedupTtl())
                .isEqualTo(org.eldercare.ingest.validation.EventTimeWindow.MIN_DEDUP_HORIZON);
    }

    @Test
    void takesKafkaScramFromTheEnvironmentAndNeverPrintsAnySecret(@TempDir Path dir) throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("kafka-password"), "kafka-secret-pw\n");
        java.util.Map<String, String> env = java.util.Map.of(
                "ELDERCARE_JOB_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "ELDERCARE_JOB_KAFKA_SECURITY_USERNAME", "eldercare-job",
                "ELDERCARE_JOB_KAFKA_SECURITY_PASSWORD_FILE", passwordFile.toString(),
                "ELDERCARE_JOB_ES_API_KEY", "es-api-key-secret",
                "ELDERCARE_JOB_ES_PASSWORD", "");

        StreamingConfig config = StreamingConfig.fromArgs(new String[0], env::get);

        assertThat(config.kafkaSecurity().clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config.elasticsearchConfig().apiKey()).isEqualTo("es-api-key-secret");
        assertThat(config.toString())
                .doesNotContain("kafka-secret-pw", "es-api-key-secret")
                .contains("--kafka.security.password-file=" + passwordFile, "--es.api-key=<redacted>");
        assertThat(StreamingConfig.fromArgs(config.toArgs())).isEqualTo(config);
    }

    @Test
    void refusesAKafkaPasswordGivenInClearAsItWouldTravelInTheJobGraph() {
        String[] args = {
            "--kafka.security.protocol=SASL_SSL", "--kafka.security.username=eldercare-job",
        };
        assertThatThrownBy(() -> StreamingConfig.fromArgs(
                        args, java.util.Map.of("ELDERCARE_JOB_KAFKA_SECURITY_PASSWORD", "kafka-secret-pw")::get))
                .hasMessageStartingWith("--kafka.security.password: the job never carries a Kafka password")
                .hasMessageContaining("--kafka.security.password-file")
                .hasMessageNotContaining("kafka-secret-pw");
    }

    @Test
    void refusesImpossibleSecuritySettingsNamingTheJobsOption() {
        assertThatThrownBy(() -> StreamingConfig.fromArgs(new String[] {"--kafka.security.protocol=SASL_SSL"}))
                .hasMessage("--kafka.security.username: must be set when protocol is SASL_SSL");
        assertThatThrownBy(() -> StreamingConfig.fromArgs(
                        new String[] {"--es.username=app", "--es.password=pw", "--es.api-key=k"}))
                .hasMessage("--es.api-key: must not be set together with username (choose one way to authenticate)");
    }
}
