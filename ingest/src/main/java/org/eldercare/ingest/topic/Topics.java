package org.eldercare.ingest.topic;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics of the platform, in one place for producers, jobs and tests alike.
 *
 * <p>Events are keyed by facility id (street code for population updates), so one facility's events
 * stay in order within a partition.
 *
 * <p>Every public {@code String} constant here is a topic (the deployment manifests are checked against them); the
 * operator topics of docs/CONTRACT.md §6.6 are one per operator, so they are a naming rule: {@link
 * #operatorTopic(String)}, {@link #OPERATOR_TOPICS}, {@link #operatorOf(String)}.
 */
public final class Topics {

    /**
     * Accepted CloudEvents, structured JSON, written by the API's intake only (docs/CONTRACT.md §6.6): the job trusts
     * the {@code source} of its records. Operators producing directly use their {@link #operatorTopic}.
     */
    public static final String EVENTS = "eldercare.events.v1";

    /** Rejected events with their reasons, operator and time; keyed by operator id. */
    public static final String DEAD_LETTERS = "eldercare.events.dlq.v1";

    /** Compacted: the latest indicator object per scope, keyed by scope code. */
    public static final String INDICATORS = "eldercare.indicators.v1";

    /** Partitions used when the platform creates its own topics. */
    public static final int DEFAULT_PARTITIONS = 4;

    private static final String OPERATOR_TOPIC_PREFIX = "eldercare.events.op.";
    private static final String OPERATOR_TOPIC_SUFFIX = ".v1";
    private static final String OPERATOR_ID = "[A-Za-z0-9-]{1,64}";

    /**
     * The operator topics: {@code eldercare.events.op.<operatorId>.v1}, the id 1 to 64 of {@code [A-Za-z0-9-]}. No
     * {@code .} or {@code _}: Kafka refuses topics whose names differ only by those two (they collide in metrics).
     */
    public static final Pattern OPERATOR_TOPICS = Pattern.compile(
            Pattern.quote(OPERATOR_TOPIC_PREFIX) + "(" + OPERATOR_ID + ")" + Pattern.quote(OPERATOR_TOPIC_SUFFIX));

    /** What the streaming job reads: {@link #EVENTS} and every operator topic, present and future. */
    public static final Pattern EVENT_TOPICS = Pattern.compile(Pattern.quote(EVENTS) + "|" + OPERATOR_TOPICS.pattern());

    private static final Pattern OPERATOR_ID_PATTERN = Pattern.compile(OPERATOR_ID);

    private Topics() {}

    /**
     * The topic of one operator's direct producer (docs/CONTRACT.md §6.6).
     *
     * @throws IllegalArgumentException naming {@code operatorId} and the rule when it cannot name a topic
     */
    public static String operatorTopic(String operatorId) {
        if (operatorId == null || !OPERATOR_ID_PATTERN.matcher(operatorId).matches()) {
            throw new IllegalArgumentException(
                    "operatorId: must be 1 to 64 characters of A-Z, a-z, 0-9 and - to name a Kafka topic, was "
                            + (operatorId == null ? "null" : "'" + operatorId + "'"));
        }
        return OPERATOR_TOPIC_PREFIX + operatorId + OPERATOR_TOPIC_SUFFIX;
    }

    /** The prefix every topic of {@link #EVENT_TOPICS} starts with (a method: public strings here are topics). */
    public static String eventTopicPrefix() {
        return "eldercare.events.";
    }

    /** The operator whose topic this is; empty for {@link #EVENTS} and any other topic. */
    public static Optional<String> operatorOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Matcher m = OPERATOR_TOPICS.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
