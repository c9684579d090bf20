package org.eldercare.api.platform;

import java.util.List;
import org.eldercare.api.intake.EventLog;
import org.eldercare.api.intake.EventLogUnavailableException;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.publish.DeadLetterPublisher;
import org.eldercare.ingest.publish.EventPublisher;
import org.eldercare.ingest.publish.PublishFailedException;

/** The event log on Kafka: idempotent, acks=all producers with a bounded wait for acknowledgements. */
class KafkaEventLog implements EventLog, AutoCloseable {

    private final EventPublisher events;
    private final DeadLetterPublisher deadLetters;

    KafkaEventLog(EventPublisher events, DeadLetterPublisher deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    @Override
    public void append(List<CareEvent> batch) {
        try {
            events.publish(batch);
        } catch (PublishFailedException e) {
            throw new EventLogUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void reject(List<Rejection> rejections) {
        try {
            deadLetters.publish(rejections);
        } catch (PublishFailedException e) {
            throw new EventLogUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        events.close();
        deadLetters.close();
    }
}
