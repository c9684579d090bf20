package org.eldercare.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of a {@link SimulatorClient}, as the API answered them. Thread-safe. */
public final class SimulatorStats {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void taken(int events, JsonNode response) {
        sent.addAndGet(events);
        accepted.addAndGet(response.path("accepted").asLong());
        duplicates.addAndGet(response.path("duplicates").asLong());
        rejected.addAndGet(response.path("rejected").size());
    }

    void retried() {
        retries.incrementAndGet();
    }

    void dropped(int events) {
        dropped.addAndGet(events);
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long retries() {
        return retries.get();
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public String toString() {
        return "sent " + sent + " events (accepted " + accepted + ", duplicates " + duplicates + ", rejected "
                + rejected + "), " + retries + " resends, " + dropped + " dropped";
    }
}
