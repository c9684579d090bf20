package org.eldercare.api.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Intake totals since start, for {@code /api/v1/status} and the Prometheus endpoint. */
@Component
public class IntakeCounters {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Counter acceptedCounter;
    private final Counter duplicateCounter;
    private final Counter rejectedCounter;
    private final MeterRegistry registry;

    public IntakeCounters(MeterRegistry registry) {
        this.registry = registry;
        acceptedCounter = Counter.builder("eldercare.intake.events")
                .tag("outcome", "accepted")
                .register(registry);
        duplicateCounter = Counter.builder("eldercare.intake.events")
                .tag("outcome", "duplicate")
                .register(registry);
        rejectedCounter = Counter.builder("eldercare.intake.events")
                .tag("outcome", "rejected")
                .register(registry);
    }

    void record(int acceptedNow, int duplicatesNow, int rejectedNow) {
        accepted.addAndGet(acceptedNow);
        duplicates.addAndGet(duplicatesNow);
        rejected.addAndGet(rejectedNow);
        acceptedCounter.increment(acceptedNow);
        duplicateCounter.increment(duplicatesNow);
        rejectedCounter.increment(rejectedNow);
    }

    /** Counts one rejection reason by the field it names ({@code data.beds: ...} → {@code data.beds}). */
    void rejectedFor(String reason) {
        int colon = reason.indexOf(':');
        String field = colon > 0 && colon <= 40 ? reason.substring(0, colon) : "other";
        if (field.startsWith("line ")) {
            field = "csv";
        }
        Counter.builder("eldercare.rejections")
                .tag("stage", "intake")
                .tag("field", field)
                .description("Reasons events were rejected, by the field the rule names")
                .register(registry)
                .increment();
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
}
