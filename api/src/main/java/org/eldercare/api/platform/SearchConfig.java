package org.eldercare.api.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Map;
import org.eldercare.ingest.config.Settings;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.indicator.IndicatorSearch;
import org.eldercare.search.rejection.RejectionSearch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Elasticsearch client and the query services the controllers use. */
@Configuration
public class SearchConfig {

    @Bean
    ElasticsearchConfig elasticsearchConfig(Environment env, PlatformEndpoints endpoints) {
        // The endpoint wins: in the local run it is the embedded node's, whatever eldercare.elasticsearch.url says.
        return ElasticsearchConfig.from(Settings.of(Map.of(ElasticsearchConfig.URL.key(), endpoints.elasticsearchUrl()))
                .orElse(Settings.from(env::getProperty)));
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchConfig config) {
        return Elasticsearch.client(config);
    }

    /** Creates missing indexes and updates mappings from the JSON resources, before anything indexes. */
    @Bean
    IndexesReady indexesReady(
            ElasticsearchClient client,
            ElasticsearchConfig config,
            @Value("${eldercare.platform.initialize:true}") boolean initialize) {
        return new IndexesReady(initialize ? new IndexManager(client, config).ensureAll() : Map.of());
    }

    /** Marks that the indexes exist, with what each start did to them. */
    public record IndexesReady(Map<String, IndexManager.Outcome> outcomes) {}

    @Bean
    IndicatorSearch indicatorSearch(ElasticsearchClient client) {
        return new IndicatorSearch(client);
    }

    @Bean
    FacilitySearch facilitySearch(ElasticsearchClient client) {
        return new FacilitySearch(client);
    }

    @Bean
    RejectionSearch rejectionSearch(ElasticsearchClient client) {
        return new RejectionSearch(client);
    }
}
