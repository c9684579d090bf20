package org.eldercare.streaming.parse;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Parses and validates raw record values with the intake's own {@link EventReader}, because operators
 * may produce straight to Kafka. Valid events go on as {@link CareEvent}s; the rest leave through
 * {@link #REJECTED} as dead letters, stage {@link Rejection#STREAM}, with the raw JSON as payload.
 */
public final class ParseEvents extends ProcessFunction<byte[], CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("invalid-events", StreamTypes.REJECTION);

    private transient EventReader reader;

    @Override
    public void open(OpenContext context) {
        reader = new EventReader(Regions.load(), Clock.systemUTC());
    }

    @Override
    public void processElement(byte[] value, Context ctx, Collector<CareEvent> out) {
        switch (reader.read(value)) {
            case ReadResult.Valid valid -> out.collect(valid.event());
            case ReadResult.Invalid invalid -> ctx.output(REJECTED, rejection(invalid, value, now(ctx)));
        }
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
