package org.eldercare.streaming.exchange;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The exchanges someone waits on live: the SOS path, where an SOS crosses four quiet keyed exchanges (parse → dedup,
 * device → person → incident, and a hotline step → incident) and the hotline console waits for it (docs/CONTRACT.md
 * §9.7). Their partly filled network buffers are sent after {@link #BUFFER_TIMEOUT}; every other exchange has the
 * environment's, Flink's default of 100 ms ({@code JobEnvironment.BUFFER_TIMEOUT}), because each task output has a
 * thread that wakes that often to flush, and at 10 ms everywhere they took a seventh of a core.
 *
 * <p>Flink gives an exchange the buffer timeout of the operator that sends into it, so {@link #live} marks every
 * operator whose records a live reader waits for at the next keyed exchange.
 */
public final class LiveExchanges {

    /** Longest time a partly filled network buffer waits on a live exchange. */
    public static final Duration BUFFER_TIMEOUT = Duration.ofMillis(10);

    private LiveExchanges() {}

    /** Marks {@code operator}'s outgoing exchanges as live; returns it. */
    public static <T> SingleOutputStreamOperator<T> live(SingleOutputStreamOperator<T> operator) {
        return operator.setBufferTimeout(BUFFER_TIMEOUT.toMillis());
    }
}
