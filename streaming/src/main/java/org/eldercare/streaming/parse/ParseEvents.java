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
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Parses and validates raw record values with the intake's own {@link EventReader}, because operators
 * may produce straight to Kafka. Valid events go on as {@link CareEvent}s; the rest leave through
 * {@link #REJECTED} as dead letters, stage {@link Rejection#STREAM}, with the redacted JSON as payload. A raw
 * {@code data.recipient} is sealed here, before any state, checkpoint or sink sees it, and a sealed one that the
 * job's keys cannot open is rejected (docs/CONTRACT.md §6.7).
 */
public final class ParseEvents extends ProcessFunction<byte[], CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("invalid-events", StreamTypes.REJECTION);

    static final String UNOPENABLE = "data.recipient.sealed: cannot be opened with the platform's PII keys";

    private final PiiSecrets pii;
    private transient EventReader reader;
    private transient RecipientTokeniser tokeniser;

    /** {@code pii} says where the keys are; they are read in {@link #open}, on the task. */
    public ParseEvents(PiiSecrets pii) {
        this.pii = pii;
    }

    @Override
    public void open(OpenContext context) {
        reader = new EventReader(Regions.load(), Clock.systemUTC());
        tokeniser = pii.tokeniser();
    }

    @Override
    public void processElement(byte[] value, Context ctx, Collector<CareEvent> out) {
        switch (reader.read(value)) {
            case ReadResult.Valid valid -> {
                CareEvent event = valid.event();
                if (opens(event)) {
                    // A raw recipient from a direct producer is sealed before anything keeps or passes it on.
                    out.collect(tokeniser.seal(event));
                } else {
                    ReadResult.Invalid invalid = new ReadResult.Invalid(
                            event.id(), event.source(), event.type().wireName(), List.of(UNOPENABLE));
                    ctx.output(REJECTED, rejection(invalid, value, now(ctx)));
                }
            }
            case ReadResult.Invalid invalid -> ctx.output(REJECTED, rejection(invalid, value, now(ctx)));
        }
    }

    /** False for a sealed recipient that no key of the ring opens: the resolver could never read it. */
    private boolean opens(CareEvent event) {
        if (event.data() instanceof ServiceDelivered d && d.recipient() instanceof SealedRecipient sealed) {
            try {
                tokeniser.open(sealed);
            } catch (PiiKeyring.SealedValueException e) {
                return false;
            }
        }
        return true;
    }

    private static OffsetDateTime now(Context ctx) {
        return ShanghaiTime.at(ctx.timerService().currentProcessingTime());
    }

    static Rejection rejection(ReadResult.Invalid invalid, byte[] value, OffsetDateTime at) {
        String source = invalid.source();
        String operator = source != null && source.startsWith(CareEvent.OPERATOR_SOURCE_PREFIX)
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
                DeadLetterPayload.of(value));
    }
}
