package org.eldercare.api.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.indicator.IndicatorSearch;
import org.eldercare.search.rejection.RejectionSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Elasticsearch client and the query services the controllers use. */
@Configuration
class SearchConfig {

    @Bean
    ElasticsearchConfig elasticsearchConfig(Environment env, PlatformEndpoints endpoints) {
        return ElasticsearchConfig.from(key -> key.equals(ElasticsearchConfig.PREFIX + "url")
                ? endpoints.elasticsearchUrl()
                : env.getProperty(key));
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchConfig config) {
        return Elasticsearch.client(config);
    }

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
