package org.eldercare.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.eldercare.ingest.config.Setting;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    private static LocalStackConfig configWith(Map<String, String> properties) {
        return LocalStackConfig.from(properties::get);
    }

    @Test
    void usesTheDocumentedDefaultsWhenNothingIsSet() {
        LocalStackConfig config = configWith(Map.of());

        assertThat(config.kafkaPort()).isEqualTo(intDefault(LocalStackProperty.KAFKA_PORT));
        assertThat(config.kafkaControllerPort()).isEqualTo(intDefault(LocalStackProperty.KAFKA_CONTROLLER_PORT));
        assertThat(config.esHttpPort()).isEqualTo(intDefault(LocalStackProperty.ELASTICSEARCH_PORT));
        assertThat(config.esTransportPort()).isEqualTo(intDefault(LocalStackProperty.ELASTICSEARCH_TRANSPORT_PORT));
        assertThat(config.flinkRestPort()).isEqualTo(intDefault(LocalStackProperty.FLINK_REST_PORT));
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void readsEachPortFromItsProperty() {
        LocalStackConfig config =
                configWith(Map.of("eldercare.kafka.port", "19092", "eldercare.elasticsearch.port", "19200"));

        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.esHttpPort()).isEqualTo(19200);
    }

    @Test
    void rejectsTwoPartsOnOnePortNamingBothProperties() {
        assertThatThrownBy(() -> configWith(Map.of("eldercare.kafka.port", "9200")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eldercare.elasticsearch.port: must differ from eldercare.kafka.port, both are 9200");
    }

    @Test
    void rejectsAPortAboveTheRange() {
        assertThatThrownBy(() -> configWith(Map.of("eldercare.kafka.port", "70000")))
                .hasMessage("eldercare.kafka.port: must be a port between 1 and 65535, was 70000");
    }

    @Test
    void rejectsTaskSlotsThatAreNotANumber() {
        assertThatThrownBy(() -> configWith(Map.of("eldercare.flink.task-slots", "many")))
                .hasMessage("eldercare.flink.task-slots: must be a whole number, was 'many'");
    }

    @Test
    void findsThePreparedNodeDirsUnderTheRepositoryRoot() {
        Path root = Path.of("/repo");
        LocalStackConfig config = configWith(Map.of("eldercare.root", root.toString()));

        assertThat(config.esNodeDir()).isEqualTo(root.resolve("infra/platform/elasticsearch-node/target/node"));
        assertThat(config.kafkaNodeDir()).isEqualTo(root.resolve("infra/platform/kafka-node/target/node"));
    }

    @Test
    void letsANodeDirBeOverriddenOnItsOwn() {
        LocalStackConfig config = configWith(Map.of("eldercare.elasticsearch.node-dir", "/opt/es-node"));

        assertThat(config.esNodeDir()).isEqualTo(Path.of("/opt/es-node"));
    }

    @Test
    void keepsEveryPartsStateUnderTheDataDir() {
        LocalStackConfig config = LocalStackConfig.defaults(Path.of("/var/eldercare"));

        assertThat(config.kafkaDir()).isEqualTo(Path.of("/var/eldercare/kafka"));
        assertThat(config.elasticsearchDir()).isEqualTo(Path.of("/var/eldercare/elasticsearch"));
        assertThat(config.flinkDir()).isEqualTo(Path.of("/var/eldercare/flink"));
    }

    @Test
    void testConfigsGetFiveDistinctPortsAwayFromTheDefaults() {
        LocalStackConfig config = LocalStackConfig.forTests(Path.of("/tmp/x"));
        int[] ports = {
            config.kafkaPort(),
            config.kafkaControllerPort(),
            config.esHttpPort(),
            config.esTransportPort(),
            config.flinkRestPort()
        };

        assertThat(IntStream.of(ports).distinct().count()).isEqualTo(5);
        assertThat(ports).doesNotContain(9092, 9093, 9200, 9300, 8081);
    }

    @Test
    void spellsEnvironmentVariablesTheWaySpringBindsThem() {
        assertThat(LocalStackProperty.DATA_DIR.springEnvName()).isEqualTo("ELDERCARE_DATADIR");
        assertThat(LocalStackProperty.KAFKA_CONTROLLER_PORT.springEnvName())
                .isEqualTo("ELDERCARE_KAFKA_CONTROLLERPORT");
    }

    private static int intDefault(Setting<Integer> property) {
        return property.defaultValue();
    }
}
