package org.eldercare.api.intake;

import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;

/** An event log for web-slice tests: keeps what it was given, or fails like an unreachable broker. */
public class RecordingEventLog implements EventLog {

    public final List<CareEvent> appended = new ArrayList<>();
    public final List<Rejection> rejected = new ArrayList<>();
    public volatile boolean brokerDown;

    @Override
    public synchronized void append(List<CareEvent> events) {
        failIfDown();
        appended.addAll(events);
    }

    @Override
    public synchronized void reject(List<Rejection> rejections) {
        failIfDown();
        rejected.addAll(rejections);
    }

    private void failIfDown() {
        if (brokerDown) {
            throw new EventLogUnavailableException("broker down (test)", null);
        }
    }
}
