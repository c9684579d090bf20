package org.eldercare.ingest.topic;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of the Kafka topics of the platform, as constants. The topics themselves (key rule, value, retention)
 * are owned by {@link TopicRegistry}; these names delegate to it.
 *
 * <p>Events are keyed by facility id (street code for population updates), so one facility's events
 * stay in order within a partition.
 *
 * <p>The operator topics of docs/CONTRACT.md §6.6 are one per operator, so they are a naming rule, the pattern spec
 * {@link TopicRegistry#OPERATOR_EVENTS}: {@link #operatorTopic(String)}, {@link #OPERATOR_TOPICS}, {@link
 * #operatorOf(String)} delegate to it.
 */
public final class Topics {

    /**
     * Accepted CloudEvents, structured JSON, written by the API's intake only (docs/CONTRACT.md §6.6): the job trusts
     * the {@code source} of its records. Operators producing directly use their {@link #operatorTopic}.
     */
    public static final String EVENTS = TopicRegistry.EVENTS.name();

    /** Rejected events with their reasons, operator and time; keyed by operator id. */
    public static final String DEAD_LETTERS = TopicRegistry.DEAD_LETTERS.name();

    /** Compacted: the latest indicator object per scope, keyed by scope code. */
    public static final String INDICATORS = TopicRegistry.INDICATORS.name();

    /** Every incident transition, exactly once, keyed by incident id (docs/CONTRACT.md §9.5). */
    public static final String INCIDENTS = TopicRegistry.INCIDENTS.name();

    /** Partitions used when the platform creates its own topics, unless {@link TopicSettings#PARTITIONS} is set. */
    public static final int DEFAULT_PARTITIONS = TopicSettings.PARTITIONS.defaultValue();

    /**
     * The operator topics ({@link TopicRegistry#OPERATOR_EVENTS}): {@code eldercare.events.op.<operatorId>.v1}, the id
     * 1 to 64 of {@code [A-Za-z0-9-]}.
     */
    public static final Pattern OPERATOR_TOPICS = TopicRegistry.OPERATOR_EVENTS.pattern();

    /** What the streaming job reads: {@link #EVENTS} and every operator topic, present and future. */
    public static final Pattern EVENT_TOPICS = TopicRegistry.EVENT_TOPICS;

    private Topics() {}

    /**
     * The topic of one operator's direct producer (docs/CONTRACT.md §6.6).
     *
     * @throws IllegalArgumentException naming {@code operatorId} and the rule when it cannot name a topic
     */
    public static String operatorTopic(String operatorId) {
        return TopicRegistry.OPERATOR_EVENTS.name(operatorId);
    }

    /** The prefix every topic of {@link #EVENT_TOPICS} starts with (a method: public strings here are topics). */
    public static String eventTopicPrefix() {
        return "eldercare.events.";
    }

    /** The operator whose topic this is; empty for {@link #EVENTS} and any other topic. */
    public static Optional<String> operatorOf(String topic) {
        return TopicRegistry.OPERATOR_EVENTS.idOf(topic);
    }
}
