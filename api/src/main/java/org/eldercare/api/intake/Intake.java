package org.eldercare.api.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eldercare.api.system.Caller;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.publish.IntakeDeduplicator;
import org.eldercare.ingest.validation.ReadResult;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.workorder.ServedBy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Takes validated request events from one caller: checks that each event's source belongs to the
 * caller, drops repeats of recently accepted events, writes the rest durably and answers with the
 * counts. A {@code service.delivered} recipient is sealed before it is written (docs/CONTRACT.md §6.7): the
 * raw ID number and phone stay in this request's memory. Either every fresh event of a request is acknowledged by Kafka, or none is reported
 * accepted ({@link EventLogUnavailableException}); a resend is then safe, because the stream
 * deduplicates by {@code (source, id)}.
 */
@Service
public class Intake {

    static final String SEALED_BY_CLIENT = "data.recipient: must be the raw form of docs/CONTRACT.md §1; the sealed"
            + " form is written by the platform only (docs/CONTRACT.md §6.7)";
    static final String SEALED_IDENTITY_BY_CLIENT = "data.identity: must be the raw form of docs/CONTRACT.md §7.2; the"
            + " sealed form is written by the platform only (docs/CONTRACT.md §6.7)";

    private final EventLog log;
    private final IntakeDeduplicator recent;
    private final IntakeCounters counters;
    private final Clock clock;
    private final RecipientTokeniser tokeniser;
    private final DispatchCheck dispatches;

    @Autowired
    public Intake(
            EventLog log,
            IntakeDeduplicator recent,
            IntakeCounters counters,
            Clock clock,
            RecipientTokeniser tokeniser,
            FacilitySearch facilities) {
        this(log, recent, counters, clock, tokeniser, new DispatchCheck(facilities::byId, ServedBy.standard()));
    }

    Intake(
            EventLog log,
            IntakeDeduplicator recent,
            IntakeCounters counters,
            Clock clock,
            RecipientTokeniser tokeniser,
            DispatchCheck dispatches) {
        this.log = log;
        this.recent = recent;
        this.counters = counters;
        this.clock = clock;
        this.tokeniser = tokeniser;
        this.dispatches = dispatches;
    }

    public IntakeResponse submit(Caller caller, List<ReadResult> results, List<String> rawEvents) {
        List<CareEvent> fresh = new ArrayList<>();
        List<IntakeResponse.RejectedEvent> rejected = new ArrayList<>();
        List<Rejection> deadLetters = new ArrayList<>();
        Set<String> inRequest = new HashSet<>();
        int duplicates = 0;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (int i = 0; i < results.size(); i++) {
            ReadResult result = results.get(i);
            List<String> errors = result instanceof ReadResult.Invalid invalid
                    ? invalid.errors()
                    : checks(caller, ((ReadResult.Valid) result).event(), dispatches);
            if (!errors.isEmpty()) {
                rejected.add(new IntakeResponse.RejectedEvent(i, idOf(result), errors));
                errors.forEach(counters::rejectedFor);
                deadLetters.add(deadLetter(caller, result, errors, now, rawEvents.get(i)));
                continue;
            }
            CareEvent event = ((ReadResult.Valid) result).event();
            if (!inRequest.add(event.dedupKey()) || recent.contains(event)) {
                duplicates++;
            } else {
                // Sealed before it is written: the topic never holds a raw ID number or phone (§6.7).
                fresh.add(tokeniser.seal(event));
            }
        }
        if (!deadLetters.isEmpty()) {
            log.reject(deadLetters);
        }
        if (!fresh.isEmpty()) {
            log.append(fresh);
            recent.rememberAll(fresh);
        }
        counters.record(fresh.size(), duplicates, rejected.size());
        return new IntakeResponse(fresh.size(), duplicates, rejected);
    }

    private static List<String> checks(Caller caller, CareEvent event, DispatchCheck dispatches) {
        List<String> errors = SourceOwnership.check(caller, event);
        if (errors.isEmpty() && event.data() instanceof WorkOrderDispatched d) {
            errors = dispatches.errors(d);
        }
        if (event.data() instanceof ServiceDelivered d && d.recipient() instanceof SealedRecipient) {
            errors = new ArrayList<>(errors);
            errors.add(SEALED_BY_CLIENT);
        }
        if (event.data() instanceof PersonDetails p && p.identity() instanceof SealedRecipient) {
            errors = new ArrayList<>(errors);
            errors.add(SEALED_IDENTITY_BY_CLIENT);
        }
        return errors;
    }

    private static String idOf(ReadResult result) {
        return switch (result) {
            case ReadResult.Valid v -> v.event().id();
            case ReadResult.Invalid inv -> inv.id();
        };
    }

    private static Rejection deadLetter(
            Caller caller, ReadResult result, List<String> errors, OffsetDateTime now, String raw) {
        String source = null;
        String type = null;
        if (result instanceof ReadResult.Valid v) {
            source = v.event().source();
            type = v.event().type().wireName();
            raw = raw != null ? raw : CloudEventJson.writeString(v.event());
        } else if (result instanceof ReadResult.Invalid inv) {
            source = inv.source();
            type = inv.type();
        }
        // A rejection is filed under the caller's operator, whatever source the event claimed.
        String operator = caller.isOperator() ? caller.operatorId() : null;
        return new Rejection(
                idOf(result), source, operator, type, errors, Rejection.INTAKE, now, DeadLetterPayload.of(raw));
    }
}
