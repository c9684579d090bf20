package org.eldercare.streaming.parse;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.streaming.kafka.RawEvent;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Parses and validates raw record values with the intake's own {@link EventReader}, because operators
 * may produce straight to Kafka. Valid events go on as {@link CareEvent}s; the rest leave through
 * {@link #REJECTED} as dead letters, stage {@link Rejection#STREAM}, with the redacted JSON as payload. A raw
 * {@code data.recipient} is sealed here, before any state, checkpoint or sink sees it, and a sealed one that the
 * job's keys cannot open is rejected (docs/CONTRACT.md §6.7).
 *
 * <p>A record from an operator's own topic speaks for that operator only (docs/CONTRACT.md §6.6): when its {@code
 * source} is not {@code /operators/<the topic's operator>} it is rejected here, before dedup, so it is never applied
 * and its id never enters dedup state. Every rejection of such a record is filed under the topic's operator, whatever
 * {@code source} it claimed (§6.2).
 */
public final class ParseEvents extends ProcessFunction<RawEvent, CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("invalid-events", StreamTypes.REJECTION);

    static final String UNOPENABLE = "data.recipient.sealed: cannot be opened with the platform's PII keys";

    private final PiiSecrets pii;
    private final Clock clock;
    private transient EventReader reader;
    private transient RecipientTokeniser tokeniser;

    /** {@code pii} says where the keys are; they are read in {@link #open}, on the task. */
    public ParseEvents(PiiSecrets pii) {
        this(pii, Clock.systemUTC());
    }

    /** As {@link #ParseEvents(PiiSecrets)}, the time window judged at {@code clock} (a test's fixed day). */
    public ParseEvents(PiiSecrets pii, Clock clock) {
        this.pii = pii;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        reader = new EventReader(Regions.load(), clock);
        tokeniser = pii.tokeniser();
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<CareEvent> out) {
        switch (reader.read(raw.value())) {
            case ReadResult.Valid valid -> {
                CareEvent event = valid.event();
                if (raw.topicOperator() != null
                        && !event.source().equals(CareEvent.OPERATOR_SOURCE_PREFIX + raw.topicOperator())) {
                    ReadResult.Invalid forged = new ReadResult.Invalid(
                            event.id(), event.source(), event.type().wireName(), List.of(sourceRule(raw)));
                    ctx.output(REJECTED, rejection(forged, raw, now(ctx)));
                } else if (!opens(event)) {
                    ReadResult.Invalid invalid = new ReadResult.Invalid(
                            event.id(), event.source(), event.type().wireName(), List.of(UNOPENABLE));
                    ctx.output(REJECTED, rejection(invalid, raw, now(ctx)));
                } else {
                    // A raw recipient from a direct producer is sealed before anything keeps or passes it on.
                    out.collect(tokeniser.seal(event));
                }
            }
            case ReadResult.Invalid invalid -> ctx.output(REJECTED, rejection(invalid, raw, now(ctx)));
        }
    }

    /** False for a sealed recipient that no key of the ring opens: the resolver could never read it. */
    private boolean opens(CareEvent event) {
        SealedRecipient sealed = null;
        if (event.data() instanceof ServiceDelivered d && d.recipient() instanceof SealedRecipient s) {
            sealed = s;
        } else if (event.data() instanceof PersonDetails p && p.identity() instanceof SealedRecipient s) {
            sealed = s;
        }
        if (sealed != null) {
            try {
                tokeniser.open(sealed);
            } catch (PiiKeyring.SealedValueException e) {
                return false;
            }
        }
        return true;
    }

    /** The reason of docs/CONTRACT.md §6.6, naming the field and the rule. */
    static String sourceRule(RawEvent raw) {
        return "source: must be " + CareEvent.OPERATOR_SOURCE_PREFIX + raw.topicOperator() + " on topic "
                + Topics.operatorTopic(raw.topicOperator()) + " (docs/CONTRACT.md §6.6)";
    }

    private static OffsetDateTime now(Context ctx) {
        return ShanghaiTime.at(ctx.timerService().currentProcessingTime());
    }

    static Rejection rejection(ReadResult.Invalid invalid, RawEvent raw, OffsetDateTime at) {
        String source = invalid.source();
        // On an operator's topic the topic says who sent it; on the shared topic the API checked the source.
        String operator = raw.topicOperator() != null
                ? raw.topicOperator()
                : source != null && source.startsWith(CareEvent.OPERATOR_SOURCE_PREFIX)
                        ? source.substring(CareEvent.OPERATOR_SOURCE_PREFIX.length())
                        : null;
        return new Rejection(
                invalid.id(),
                source,
                operator == null || operator.isEmpty() ? null : operator,
                invalid.type(),
                invalid.errors(),
                Rejection.STREAM,
                at,
                DeadLetterPayload.of(raw.value()));
    }
}
