package org.eldercare.ingest.topic;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;

/**
 * The platform's Kafka topics, owned here (module {@code ingest}) for producers, the streaming job, the topic
 * initializer, tests and the deployment-manifest check alike (docs/CONTRACT.md §6.9). Each {@link TopicSpec} says what
 * its key is and builds it; nothing else builds a key for these topics.
 */
public final class TopicRegistry {

    /**
     * Accepted CloudEvents, structured JSON, keyed by {@link CareEvent#partitionKey()} (the facility id; the street
     * code for {@code population.updated}) so one facility's events stay in order within a partition. Deleted after
     * {@link TopicSettings#EVENTS_RETENTION}.
     */
    public static final TopicSpec<CareEvent> EVENTS = TopicSpec.deleting(
            "eldercare.events.v1",
            "facility id (street code for population.updated)",
            CareEvent::partitionKey,
            "CloudEvent, structured JSON",
            TopicSettings.EVENTS_RETENTION);

    /**
     * Rejected events with their reasons, operator and time, as {@code DeadLetterCodec} JSON, keyed by {@link
     * #deadLetterKey}: the API's intake and the streaming job write the same key for the same rejection. Deleted
     * after {@link TopicSettings#DEAD_LETTERS_RETENTION}.
     */
    public static final TopicSpec<Rejection> DEAD_LETTERS = TopicSpec.deleting(
            "eldercare.events.dlq.v1",
            "operator id: the operator the rejection is filed under, else the operator of an /operators/<id>"
                    + " source, else the source",
            TopicRegistry::deadLetterKey,
            "DeadLetterCodec JSON",
            TopicSettings.DEAD_LETTERS_RETENTION);

    /**
     * Compacted: the latest indicator object per scope, keyed by the scope code, as the same JSON as the {@code
     * indicators} index. A record is built from the scope code; its value is the indicator document.
     */
    public static final TopicSpec<String> INDICATORS = TopicSpec.compacted(
            "eldercare.indicators.v1", "scope code", scopeCode -> scopeCode, "indicator document JSON");

    /**
     * Every transition of every incident (docs/CONTRACT.md §9.5), written exactly once by the streaming job, keyed by
     * the incident id so one incident's transitions stay in {@code seq} order. A record is built from the incident id;
     * its value is the transition record JSON. Kept like the events ({@link TopicSettings#EVENTS_RETENTION}).
     */
    public static final TopicSpec<String> INCIDENTS = TopicSpec.deleting(
            "eldercare.incidents.v1",
            "incident id",
            incidentId -> incidentId,
            "incident transition record JSON",
            TopicSettings.EVENTS_RETENTION);

    /** Every topic the platform creates, in creation order. */
    public static final List<TopicSpec<?>> ALL = List.of(EVENTS, DEAD_LETTERS, INDICATORS, INCIDENTS);

    /**
     * The operator topics, {@code eldercare.events.op.<operatorId>.v1} (docs/CONTRACT.md §6.6): one per operator whose
     * direct producer writes CloudEvents there, keyed and kept as {@link #EVENTS}. A pattern, not a topic: not in
     * {@link #ALL}, so neither created at start nor required in the deployment files; each is created when its
     * operator is granted it ({@code KafkaAccess.grantOperator}, {@code TopicInitializer.ensureOperatorTopic}). The id
     * is 1 to 64 of {@code [A-Za-z0-9-]}: no {@code .} or {@code _}, which Kafka refuses to tell apart in metrics.
     */
    public static final TopicPatternSpec<CareEvent> OPERATOR_EVENTS = new TopicPatternSpec<>(
            "eldercare.events.op.",
            "operatorId",
            "[A-Za-z0-9-]{1,64}",
            "1 to 64 characters of A-Z, a-z, 0-9 and - to name a Kafka topic",
            ".v1",
            EVENTS.keyRule(),
            EVENTS.keyOf(),
            EVENTS.valueFormat(),
            TopicSettings.EVENTS_RETENTION);

    /**
     * What the streaming job reads: {@link #EVENTS} and every topic of {@link #OPERATOR_EVENTS}, present and future
     * (one key rule and one value for all of them).
     */
    public static final Pattern EVENT_TOPICS = Pattern.compile(
            Pattern.quote(EVENTS.name()) + "|" + OPERATOR_EVENTS.pattern().pattern());

    /** Every topic family: names the platform does not create at start, each a pattern. */
    public static final List<TopicPatternSpec<?>> PATTERNS = List.of(OPERATOR_EVENTS);

    private TopicRegistry() {}

    /** The topic named {@code name}, if it is one of {@link #ALL}. */
    public static Optional<TopicSpec<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The key of a dead letter: the operator id it is filed under; without one (a stream rejection that only knows
     * the source), the operator named by an {@code /operators/<id>} source; else the source itself (a planner's or an
     * anonymous event). So all dead letters of one operator share a key and stay in order.
     */
    static String deadLetterKey(Rejection rejection) {
        if (rejection.operatorId() != null) {
            return rejection.operatorId();
        }
        String source = rejection.source();
        if (source != null && source.startsWith(CareEvent.OPERATOR_SOURCE_PREFIX)) {
            return source.substring(CareEvent.OPERATOR_SOURCE_PREFIX.length());
        }
        return source;
    }
}
