package org.eldercare.ingest.validation;

import java.time.Duration;

/**
 * How far an event's {@code time} may lie from now (docs/CONTRACT.md §1 as amended by §6.2), and the dedup horizon
 * it implies. One setting: the intake, the streaming job's own validation and its dedup all read it here.
 *
 * <p>"Counted once" holds only while dedup still remembers an id whenever the validator would accept a resend of
 * it. An id is first seen no earlier than its {@code time} minus {@link #MAX_FUTURE}, and a resend is accepted
 * (by the intake and again, at processing time, by the streaming job) no later than its {@code time} plus {@link
 * #MAX_PAST}. So dedup must remember each id for at least {@link #MIN_DEDUP_HORIZON}; the streaming job refuses to
 * start with less.
 */
public final class EventTimeWindow {

    /** At most this far in the future: clock skew between operators and the platform. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    /** At most this far in the past. Was 400 days in §1; §6.2 ties it to the dedup horizon. */
    public static final Duration MAX_PAST = Duration.ofDays(7);

    /** The least time an event id must be remembered for every accepted resend of it to count as a duplicate. */
    public static final Duration MIN_DEDUP_HORIZON = MAX_PAST.plus(MAX_FUTURE);

    private EventTimeWindow() {}
}
