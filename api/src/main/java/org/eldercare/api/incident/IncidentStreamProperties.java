package org.eldercare.api.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of the incident stream (docs/CONTRACT.md §9.7), as those of the indicator stream (§6.1).
 *
 * @param enabled whether the API reads the incidents topic; off only where there is no Kafka (web tests)
 * @param isolation how the topic is read: {@code read_uncommitted} (default) learns of a transition as soon as the job
 *     writes it; {@code read_committed} only when the job's checkpoint commits it. Either is safe, since what is sent
 *     is the index's document and a replay writes it the same (docs/CONTRACT.md §9.7)
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it and dead clients are found
 * @param timeout how long one stream lives before the server ends it; {@code EventSource} reconnects by itself
 * @param maxPerToken streams one token may hold open at once
 * @param maxTotal streams the whole server holds open at once
 * @param reread how often a document that does not yet hold a record's transition is read again
 * @param rereadFor how long it is read again before the record is given up for the next one
 */
@ConfigurationProperties("eldercare.incidents.stream")
public record IncidentStreamProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("read_uncommitted") String isolation,
        @DefaultValue("PT10S") Duration heartbeat,
        @DefaultValue("PT30M") Duration timeout,
        @DefaultValue("8") int maxPerToken,
        @DefaultValue("500") int maxTotal,
        @DefaultValue("PT0.05S") Duration reread,
        @DefaultValue("PT5S") Duration rereadFor) {

    public IncidentStreamProperties {
        if (!isolation.equals("read_committed") && !isolation.equals("read_uncommitted")) {
            throw new IllegalArgumentException(
                    "eldercare.incidents.stream.isolation: must be read_committed or read_uncommitted");
        }
        if (maxPerToken < 1 || maxTotal < maxPerToken) {
            throw new IllegalArgumentException(
                    "eldercare.incidents.stream: max-per-token must be ≥ 1 and max-total ≥ max-per-token");
        }
    }
}
