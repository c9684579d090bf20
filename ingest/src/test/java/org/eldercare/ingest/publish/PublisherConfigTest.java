package org.eldercare.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {

    @Test
    void defaultsArePlaintextWithTheDocumentedTimeouts() {
        PublisherConfig config = PublisherConfig.defaults("k:9092");

        assertThat(config.bootstrapServers()).isEqualTo("k:9092");
        assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.security().protocol()).isEqualTo(KafkaClientSecurity.Protocol.PLAINTEXT);
        assertThat(config.producerProperties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .doesNotContainKey("security.protocol");
    }

    @Test
    void readsTheSecuritySettingsThroughTheSameSettings() {
        PublisherConfig config = PublisherConfig.from(Settings.of(Map.of(
                "eldercare.kafka.bootstrap-servers", "kafka:9093",
                "eldercare.kafka.security.protocol", "SASL_PLAINTEXT",
                "eldercare.kafka.security.username", "eldercare-api",
                "eldercare.kafka.security.password", "pw")));

        assertThat(config.security().username()).isEqualTo("eldercare-api");
        assertThat(config.producerProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(config.toString()).doesNotContain("pw,", "=pw");
    }

    @Test
    void everyKeyIsOneSettingConstant() {
        assertThat(PublisherConfig.ALL_SETTINGS)
                .extracting(Setting::key)
                .doesNotHaveDuplicates()
                .contains("eldercare.kafka.bootstrap-servers", "eldercare.kafka.security.password");
        assertThat(KafkaClientSecurity.API.password().isSecret()).isTrue();
        assertThat(KafkaClientSecurity.API.truststorePassword().isSecret()).isTrue();
    }

    @Test
    void refusesImpossibleTimeoutsNamingTheKey() {
        assertThatThrownBy(() -> PublisherConfig.from(Settings.of(Map.of("eldercare.kafka.delivery-timeout", "PT1S"))))
                .hasMessageStartingWith("eldercare.kafka.delivery-timeout: must be at least linger + request-timeout");
    }
}
