package org.eldercare.api.intake;

import java.time.Clock;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventReader eventReader(Regions regions, Clock clock) {
        return new EventReader(regions, clock);
    }
}
