package org.eldercare.streaming.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.T0;
import static org.eldercare.streaming.fixtures.Events.at;
import static org.eldercare.streaming.fixtures.Events.bedOccupied;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.EventTimeWindow;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/CONTRACT.md §6.2: an event is counted once however late it is resent. Each send goes through the
 * validation the streaming job applies at processing time, then dedup with the shortest horizon the job accepts.
 */
class ResendAtTheEdgeTest {

    private static final Instant TIME = T0.toInstant();
    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, CareEvent> dedup;

    @BeforeEach
    void open() throws Exception {
        dedup = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Deduplicator(EventTimeWindow.MIN_DEDUP_HORIZON)),
                CareEvent::partitionKey,
                Types.STRING);
        dedup.open();
    }

    @AfterEach
    void close() throws Exception {
        dedup.close();
    }

    /** Validates {@code event} as of {@code now} and, if valid, passes it through dedup at that processing time. */
    private ReadResult send(CareEvent event, Instant now) throws Exception {
        byte[] json = CloudEventJson.writeString(event).getBytes(StandardCharsets.UTF_8);
        ReadResult result = new EventReader(Regions.load(), Clock.fixed(now, ZoneOffset.UTC)).read(json);
        if (result instanceof ReadResult.Valid valid) {
            dedup.setProcessingTime(now.toEpochMilli());
            dedup.processElement(valid.event(), 0);
        }
        return result;
    }

    @Test
    void anEventResentAtTheLastMomentItIsAcceptedIsCountedOnce() throws Exception {
        // First seen as early as the clock skew allows: its time 5 minutes ahead of the platform's clock.
        CareEvent occupied = at(T0, bedOccupied("f-1", 1));
        assertThat(send(occupied, TIME.minus(EventTimeWindow.MAX_FUTURE))).isInstanceOf(ReadResult.Valid.class);

        ReadResult lastAccepted = send(occupied, TIME.plus(EventTimeWindow.MAX_PAST));

        assertThat(lastAccepted).isInstanceOf(ReadResult.Valid.class);
        assertThat(dedup.extractOutputValues()).containsExactly(occupied);
    }

    @Test
    void anEventResentJustOutsideTheWindowIsRejectedNamingTimeAndTheRule() throws Exception {
        CareEvent occupied = at(T0, bedOccupied("f-1", 1));
        send(occupied, TIME);

        for (Duration late : new Duration[] {EventTimeWindow.MAX_PAST.plusSeconds(1), Duration.ofDays(10)}) {
            ReadResult resent = send(occupied, TIME.plus(late));

            assertThat(resent)
                    .isInstanceOfSatisfying(
                            ReadResult.Invalid.class,
                            invalid -> assertThat(invalid.errors())
                                    .containsExactly(
                                            "time: must be at most 7 days in the past (the dedup horizon, docs/CONTRACT.md §6.2)"));
        }
        assertThat(dedup.extractOutputValues()).containsExactly(occupied);
    }
}
