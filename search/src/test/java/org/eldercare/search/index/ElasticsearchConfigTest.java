package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchConfigTest {

    @Test
    void everyComponentHasADocumentedDefault() {
        assertThat(ElasticsearchConfig.SETTINGS)
                .hasSize(ElasticsearchConfig.class.getRecordComponents().length)
                .allSatisfy(s -> {
                    assertThat(s.key()).startsWith(ElasticsearchConfig.PREFIX);
                    if (!List.of("username", "password", "api-key", "ca-certificate")
                            .contains(s.key().substring(ElasticsearchConfig.PREFIX.length()))) {
                        assertThat(s.defaultText()).isNotBlank();
                    }
                    assertThat(s.description()).isNotBlank();
                });
    }

    @Test
    void defaultsPointAtTheLocalNode() {
        ElasticsearchConfig config = ElasticsearchConfig.defaults();

        assertThat(config.url()).hasToString("http://127.0.0.1:9200");
        assertThat(config.bulkConcurrency()).isEqualTo(2);
        assertThat(config.replicas()).isZero();
    }

    @Test
    void readsSetKeysAndKeepsDefaultsForTheRest() {
        ElasticsearchConfig config = ElasticsearchConfig.from(Map.of(
                "eldercare.elasticsearch.url", "http://es:9201",
                "eldercare.elasticsearch.bulk-flush-interval", "PT0.2S")::get);

        assertThat(config.url()).hasToString("http://es:9201");
        assertThat(config.bulkFlushInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.bulkActions()).isEqualTo(1000);
    }

    @Test
    void rejectsZeroConcurrencyNamingTheKey() {
        assertThatThrownBy(() -> ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.bulk-concurrency", "0")::get))
                .hasMessage("eldercare.elasticsearch.bulk-concurrency: must be between 1 and 64, was 0");
    }

    @Test
    void rejectsAnUnparsableTimeoutNamingTheKey() {
        assertThatThrownBy(
                        () -> ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.request-timeout", "30s")::get))
                .hasMessageStartingWith("eldercare.elasticsearch.request-timeout: must be an ISO-8601 duration");
    }

    @Test
    void sendsNoCredentialsByDefaultAndNeverPrintsThePassword() {
        assertThat(ElasticsearchConfig.defaults().authenticates()).isFalse();

        ElasticsearchConfig secured = ElasticsearchConfig.forUrl("http://es:9200", "eldercare-app", "s3cret-pw");

        assertThat(secured.authenticates()).isTrue();
        assertThat(secured.username()).isEqualTo("eldercare-app");
        assertThat(secured.toString()).contains("eldercare-app").doesNotContain("s3cret-pw");
    }

    @Test
    void rejectsAUserWithoutPasswordNamingTheKey() {
        assertThatThrownBy(() -> ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.username", "app")::get))
                .hasMessage("eldercare.elasticsearch.password: must be set when username is");
    }
}
