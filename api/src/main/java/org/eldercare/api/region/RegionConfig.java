package org.eldercare.api.region;

import org.eldercare.ingest.region.Regions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RegionConfig {

    @Bean
    Regions regions() {
        return Regions.load();
    }
}
