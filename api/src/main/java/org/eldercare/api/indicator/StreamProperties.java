package org.eldercare.api.indicator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of the indicator stream (docs/CONTRACT.md §6.1).
 *
 * @param poll how often the indicators index is read for changes
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it and dead clients are found
 * @param timeout how long one stream lives before the server ends it; {@code EventSource} reconnects by itself
 * @param maxPerToken streams one token may hold open at once
 * @param maxTotal streams the whole server holds open at once
 */
@ConfigurationProperties("eldercare.indicators.stream")
public record StreamProperties(
        @DefaultValue("PT1S") Duration poll,
        @DefaultValue("PT10S") Duration heartbeat,
        @DefaultValue("PT30M") Duration timeout,
        @DefaultValue("8") int maxPerToken,
        @DefaultValue("500") int maxTotal) {

    public StreamProperties {
        if (maxPerToken < 1 || maxTotal < maxPerToken) {
            throw new IllegalArgumentException(
                    "eldercare.indicators.stream: max-per-token must be ≥ 1 and max-total ≥ max-per-token");
        }
    }
}
