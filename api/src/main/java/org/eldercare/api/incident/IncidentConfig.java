package org.eldercare.api.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Optional;
import org.eldercare.api.platform.PlatformEndpoints;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentSearch;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hotline's incident queue (docs/CONTRACT.md §9.7): the index it reads and the topic feed of its stream. */
@Configuration
class IncidentConfig {

    @Bean
    IncidentReader incidentReader(ElasticsearchClient elasticsearch) {
        IncidentSearch search = new IncidentSearch(elasticsearch);
        return new IncidentReader() {
            @Override
            public Optional<IncidentDocument> byId(String incidentId) {
                return search.byId(incidentId);
            }

            @Override
            public List<IncidentDocument> page(String state, String streetCode, boolean openOnly, int page, int size) {
                return search.page(state, streetCode, openOnly, page, size);
            }
        };
    }

    /** Off where there is no Kafka (the web tests): the stream then sends its snapshot and heartbeats only. */
    @Bean
    @ConditionalOnProperty(name = "eldercare.incidents.stream.enabled", havingValue = "true", matchIfMissing = true)
    IncidentFeed incidentFeed(
            PlatformEndpoints endpoints,
            KafkaClientSecurity security,
            IncidentBroadcaster broadcaster,
            IncidentStreamProperties properties) {
        return new IncidentFeed(endpoints.kafkaBootstrapServers(), security, broadcaster, properties.isolation());
    }
}
