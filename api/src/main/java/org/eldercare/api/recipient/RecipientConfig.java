package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.match.ElasticsearchCandidateSource;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matcher hashes with the same key as the streaming job, so hashes at rest and in queries agree. */
@Configuration
class RecipientConfig {

    @Bean
    RecipientMatcher recipientMatcher(SecurityProperties security, Regions regions, ElasticsearchClient client) {
        RecipientNormalizer normalizer =
                new RecipientNormalizer(Pii.withKey(security.hmacKey()), new Addresses(regions));
        return new RecipientMatcher(normalizer, new ElasticsearchCandidateSource(client), ResolutionThresholds.DEFAULT);
    }
}
