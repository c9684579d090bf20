package org.eldercare.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.eldercare.ingest.publish.PublisherConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSecurityTest {

    private static final String API = "eldercare.kafka.security.";

    @TempDir
    Path dir;

    private static KafkaClientSecurity api(Map<String, String> settings) {
        return KafkaClientSecurity.from(API, settings::get);
    }

    @Test
    void isPlaintextWithNoClientPropertiesWhenNothingIsSet() {
        KafkaClientSecurity security = api(Map.of());

        assertThat(security.protocol()).isEqualTo(KafkaClientSecurity.Protocol.PLAINTEXT);
        assertThat(security.clientProperties()).isEmpty();
    }

    @Test
    void givesScramOverTlsWithATrustStore() throws Exception {
        Path truststore = Files.writeString(dir.resolve("ca.p12"), "not really a store");
        KafkaClientSecurity security = api(Map.of(
                API + "protocol", "sasl_ssl",
                API + "username", "eldercare-api",
                API + "password", "pa\"ss",
                API + "truststore-location", truststore.toString(),
                API + "truststore-password", "store-secret"));

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"eldercare-api\" password=\"pa\\\"ss\";")
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "store-secret");
    }

    @Test
    void neverPrintsAPassword() {
        KafkaClientSecurity security = api(
                Map.of(API + "protocol", "SASL_PLAINTEXT", API + "username", "op-1", API + "password", "s3cret-pw"));

        assertThat(security.toString()).contains("op-1", "SASL_PLAINTEXT").doesNotContain("s3cret-pw");
        assertThat(PublisherConfig.defaults("k:9092").withSecurity(security).toString())
                .doesNotContain("s3cret-pw");
    }

    @Test
    void namesThePasswordFileWhichKafkaReadsWhenItBuildsTheClient() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "from-a-\"mounted\"-secret\n");

        KafkaClientSecurity security = api(Map.of(
                API + "protocol", "SASL_SSL", API + "username", "job", API + "password-file", secret.toString()));

        assertThat(security.password()).isNull();
        assertThat(security.clientProperties().toString())
                .as("what a configuration that travels would carry")
                .doesNotContain("mounted")
                .contains("${eldercare-secret:" + secret + ":jaas}");
        assertThat(jaasAsKafkaResolvesIt(security))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"job\" password=\"from-a-\\\"mounted\\\"-secret\";");
    }

    @Test
    void resolvesThePasswordFileWhereTheJvmAllowsOnlyThisConfigProvider() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "pw-17");
        KafkaClientSecurity security = api(Map.of(
                API + "protocol", "SASL_PLAINTEXT", API + "username", "job", API + "password-file", secret.toString()));
        String before = System.getProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY);
        System.setProperty(
                AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY, PasswordFileConfigProvider.class.getName());
        try {
            assertThat(jaasAsKafkaResolvesIt(security)).contains("password=\"pw-17\"");
        } finally {
            if (before == null) {
                System.clearProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY);
            } else {
                System.setProperty(AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY, before);
            }
        }
    }

    /** {@code sasl.jaas.config} as a Kafka client sees it once its configuration is parsed. */
    private static String jaasAsKafkaResolvesIt(KafkaClientSecurity security) {
        Map<String, Object> props = new java.util.HashMap<>(security.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return new AdminClientConfig(props)
                .getPassword(SaslConfigs.SASL_JAAS_CONFIG)
                .value();
    }

    @Test
    void refusesEachImpossibleCombinationNamingTheSetting() throws Exception {
        Path truststore = Files.writeString(dir.resolve("ca.p12"), "x");
        assertThatThrownBy(() -> api(Map.of(API + "protocol", "KERBEROS")))
                .hasMessage(API + "protocol: must be one of [PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL], was KERBEROS");
        assertThatThrownBy(() -> api(Map.of(API + "protocol", "SASL_SSL")))
                .hasMessage(API + "username: must be set when protocol is SASL_SSL");
        assertThatThrownBy(() -> api(Map.of(API + "protocol", "SASL_SSL", API + "username", "u")))
                .hasMessage(API + "password: must be set (or password-file) when protocol is SASL_SSL");
        assertThatThrownBy(() -> api(Map.of(API + "username", "u", API + "password", "p")))
                .hasMessage(API + "username: only applies to protocol SASL_PLAINTEXT or SASL_SSL, not PLAINTEXT");
        assertThatThrownBy(() -> api(Map.of(
                        API + "protocol", "SASL_PLAINTEXT",
                        API + "username", "u",
                        API + "password", "p",
                        API + "sasl-mechanism", "PLAIN")))
                .hasMessage(API + "sasl-mechanism: must be one of [SCRAM-SHA-512, SCRAM-SHA-256], was PLAIN");
        assertThatThrownBy(() -> api(Map.of(API + "truststore-location", truststore.toString())))
                .hasMessage(API + "truststore-location: only applies to protocol SSL or SASL_SSL, not PLAINTEXT");
        assertThatThrownBy(() -> api(Map.of(API + "protocol", "SSL", API + "truststore-location", "/nope/ca.p12")))
                .hasMessage(API + "truststore-location: must be a readable file, was /nope/ca.p12");
        assertThatThrownBy(() -> api(Map.of(API + "protocol", "SSL", API + "truststore-password", "p")))
                .hasMessage(API + "truststore-password: only applies with truststore-location");
        assertThatThrownBy(() -> api(Map.of(
                        API + "protocol", "SASL_SSL",
                        API + "username", "u",
                        API + "password", "p",
                        API + "password-file", "/run/secrets/p")))
                .hasMessage(API + "password-file: must not be set together with password (choose one)");
        assertThatThrownBy(() -> api(Map.of(
                        API + "protocol", "SASL_SSL", API + "username", "u", API + "password-file", "/nope/secret")))
                .hasMessage(API + "password-file: must be a readable file, was /nope/secret (NoSuchFileException)");
        Path colon = Files.writeString(dir.resolve("a:b"), "pw");
        assertThatThrownBy(() -> api(Map.of(
                        API + "protocol", "SASL_SSL", API + "username", "u", API + "password-file", colon.toString())))
                .hasMessage(API + "password-file: must not contain ':' or '}', was " + colon);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> api(Map.of(
                        API + "protocol", "SASL_SSL", API + "username", "u", API + "password-file", empty.toString())))
                .hasMessage(API + "password-file: must not be empty: " + empty);
    }

    @Test
    void namesTheSettingUnderTheCallersPrefix() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(
                        "--kafka.security.", Map.of("--kafka.security.protocol", "SASL_SSL")::get))
                .hasMessage("--kafka.security.username: must be set when protocol is SASL_SSL");
    }

    @Test
    void producersOfThePublisherTakeTheSecuritySettings() {
        PublisherConfig config = PublisherConfig.fromProperties(Map.of(
                "eldercare.kafka.bootstrap-servers",
                "kafka:9093",
                API + "protocol",
                "SASL_SSL",
                API + "username",
                "eldercare-api",
                API + "password",
                "pw")::get);

        assertThat(config.producerProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("acks", "all");
        assertThat(config.withClientId("x").security()).isEqualTo(config.security());
    }
}
