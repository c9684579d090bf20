package org.eldercare.api.intake;

import java.util.List;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;

/**
 * Where accepted events and rejections are written durably. Both calls return only once every record
 * is acknowledged (acks=all), or throw {@link EventLogUnavailableException}.
 */
public interface EventLog {

    void append(List<CareEvent> events);

    void reject(List<Rejection> rejections);
}
