package org.eldercare.ingest.topic;

/**
 * The names of the Kafka topics of the platform, as constants. The topics themselves (key rule, value, retention)
 * are owned by {@link TopicRegistry}; these names delegate to it.
 *
 * <p>Events are keyed by facility id (street code for population updates), so one facility's events
 * stay in order within a partition.
 */
public final class Topics {

    /** Accepted CloudEvents, structured JSON. Operators may also produce here directly. */
    public static final String EVENTS = TopicRegistry.EVENTS.name();

    /** Rejected events with their reasons, operator and time; keyed by operator id. */
    public static final String DEAD_LETTERS = TopicRegistry.DEAD_LETTERS.name();

    /** Compacted: the latest indicator object per scope, keyed by scope code. */
    public static final String INDICATORS = TopicRegistry.INDICATORS.name();

    /** Partitions used when the platform creates its own topics, unless {@link TopicSettings#PARTITIONS} is set. */
    public static final int DEFAULT_PARTITIONS = TopicSettings.PARTITIONS.defaultValue();

    private Topics() {}
}
