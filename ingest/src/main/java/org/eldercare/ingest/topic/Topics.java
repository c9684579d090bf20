package org.eldercare.ingest.topic;

/**
 * The Kafka topics of the platform, in one place for producers, jobs and tests alike.
 *
 * <p>Events are keyed by facility id (street code for population updates), so one facility's events
 * stay in order within a partition.
 */
public final class Topics {

    /** Accepted CloudEvents, structured JSON. Operators may also produce here directly. */
    public static final String EVENTS = "eldercare.events.v1";

    /** Rejected events with their reasons, operator and time; keyed by operator id. */
    public static final String DEAD_LETTERS = "eldercare.events.dlq.v1";

    /** Compacted: the latest indicator object per scope, keyed by scope code. */
    public static final String INDICATORS = "eldercare.indicators.v1";

    /** Partitions used when the platform creates its own topics. */
    public static final int DEFAULT_PARTITIONS = 4;

    private Topics() {}
}
