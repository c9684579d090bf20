package org.eldercare.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

    static final Setting<Integer> PARALLELISM = Setting.integer("parallelism", "2", "Parallelism of every operator.")
            .rule(p -> p >= 1, "must be at least 1");
    static final Setting<Duration> INTERVAL = Setting.duration("checkpoint.interval", "PT5S", "Between checkpoints.");
    static final Setting<String> KEY = Setting.text("pii.hmac-key", "a-demo-key-of-16-bytes", "Secret.")
            .rule(k -> k.length() >= 16, "must be at least 16 bytes")
            .secret();
    static final Setting<Boolean> ENABLED = Setting.bool("enabled", "true", "On or off.");
    static final List<Setting<?>> ALL = List.of(PARALLELISM, INTERVAL, KEY, ENABLED);

    @Test
    void anUnsetKeyHasItsDefault() {
        assertThat(Settings.none().get(PARALLELISM)).isEqualTo(2);
        assertThat(Settings.of(Map.of()).get(INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readsMapsPropertiesArgumentsAndTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("parallelism", "3");

        assertThat(Settings.of(Map.of("parallelism", "4")).get(PARALLELISM)).isEqualTo(4);
        assertThat(Settings.of(properties).get(PARALLELISM)).isEqualTo(3);
        assertThat(Settings.fromArgs(new String[] {"--parallelism=5"}, ALL).get(PARALLELISM))
                .isEqualTo(5);
        assertThat(Settings.environment(ALL, s -> s.envName("JOB_"), Map.of("JOB_PARALLELISM", "6")::get)
                        .get(PARALLELISM))
                .isEqualTo(6);
    }

    @Test
    void theFirstLayerThatHasAKeyWins() {
        Settings args = Settings.fromArgs(new String[] {"--parallelism=5"}, ALL);
        Settings env = Settings.of(Map.of("parallelism", "6", "checkpoint.interval", "PT1S"));

        assertThat(args.orElse(env).get(PARALLELISM)).isEqualTo(5);
        assertThat(args.orElse(env).get(INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(args.orElse(env).get(ENABLED)).isTrue();
    }

    @Test
    void blankMeansUnsetOnlyWhereTheSourceSaysSo() {
        Settings blank = Settings.of(Map.of("checkpoint.interval", "  "));

        assertThat(blank.blankAsUnset().get(INTERVAL)).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> blank.get(INTERVAL)).hasMessageStartingWith("checkpoint.interval: must be");
    }

    @Test
    void errorsNameTheKeyAsTheSourceSpellsItAndTheRule() {
        assertThatThrownBy(() -> Settings.of(Map.of("parallelism", "many")).get(PARALLELISM))
                .hasMessage("parallelism: must be a whole number, was 'many'");
        assertThatThrownBy(() ->
                        Settings.fromArgs(new String[] {"--parallelism=0"}, ALL).get(PARALLELISM))
                .hasMessage("--parallelism: must be at least 1, was 0");
        assertThatThrownBy(() -> Settings.environment(ALL, s -> s.envName("JOB_"), Map.of("JOB_ENABLED", "yes")::get)
                        .get(ENABLED))
                .hasMessage("JOB_ENABLED: must be true or false, was 'yes'");
        assertThatThrownBy(() -> Settings.fromArgs(new String[] {"--paralelism=1"}, ALL))
                .hasMessageStartingWith("--paralelism: unknown option; known are [parallelism,");
        assertThatThrownBy(() -> Settings.fromArgs(new String[] {"parallelism"}, ALL))
                .hasMessage("parallelism: must look like --key=value");
    }

    @Test
    void neverShowsASecretsValue() {
        assertThatThrownBy(() -> Settings.of(Map.of("pii.hmac-key", "short")).get(KEY))
                .hasMessage("pii.hmac-key: must be at least 16 bytes");
        assertThat(KEY.shown("a-production-secret")).isEqualTo("<redacted>");
        assertThat(KEY.with("a-production-secret").shownArgument()).isEqualTo("--pii.hmac-key=<redacted>");
        assertThat(KEY.with("a-production-secret").asArgument()).isEqualTo("--pii.hmac-key=a-production-secret");
    }

    @Test
    void checksValuesBuiltInCodeAgainstTheSameRules() {
        assertThat(PARALLELISM.check(3)).isEqualTo(3);
        assertThatThrownBy(() -> PARALLELISM.check(0)).hasMessage("parallelism: must be at least 1, was 0");
    }

    @Test
    void namesEnvironmentVariablesTheTwoWaysThePlatformReadsThem() {
        Setting<String> dataDir = Setting.text("eldercare.data-dir", "data", "Root of all state.");

        assertThat(KEY.envName("ELDERCARE_JOB_")).isEqualTo("ELDERCARE_JOB_PII_HMAC_KEY");
        assertThat(dataDir.springEnvName()).isEqualTo("ELDERCARE_DATADIR");
    }

    @Test
    void documentsItselfAsAMarkdownTable() {
        assertThat(Settings.markdownTable(List.of(PARALLELISM, Setting.text("es.username", "", "User | none."))))
                .isEqualTo("""
                        | key | default | meaning |
                        |---|---|---|
                        | `parallelism` | `2` | Parallelism of every operator. |
                        | `es.username` | (none) | User \\| none. |
                        """);
    }
}
