package org.eldercare.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same smoke checks as {@link LocalStackIT}, against the official Kafka and Elasticsearch images: proof that what
 * runs on the embedded stack runs on the real distributions. Skipped where no Docker daemon runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContainersIT {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");

    @Container
    static final ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                    "docker.elastic.co/elasticsearch/elasticsearch:9.5.3")
            .withEnv("xpack.security.enabled", "false")
            .withEnv("discovery.type", "single-node")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    @Test
    void kafkaImageReturnsAnEventProducedIdempotently() throws Exception {
        KafkaProbe probe = new KafkaProbe(kafka.getBootstrapServers());
        String event = CloudEvents.bedOccupied("F-001", 3);

        probe.produce("eldercare.events.v1", "F-001", event);

        assertThat(probe.consume("eldercare.events.v1", 1)).containsExactly(event);
    }

    @Test
    void elasticsearchImageFindsAnIndexedFacilityBySearch() throws Exception {
        try (ElasticsearchProbe es = new ElasticsearchProbe("http://" + elasticsearch.getHttpHostAddress())) {
            es.index("facilities", "F-001", Map.of("name", "Sunny Garden care station", "beds", 40));
            es.index("facilities", "F-002", Map.of("name", "Riverside meal table", "beds", 0));

            assertThat(es.search("facilities", "name", "garden")).containsExactly("F-001");
        }
    }
}
