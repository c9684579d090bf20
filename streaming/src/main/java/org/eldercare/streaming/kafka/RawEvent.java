package org.eldercare.streaming.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;

/**
 * One record value as read from an event topic, with the operator whose own topic it came from
 * (docs/CONTRACT.md §6.6): {@code topicOperator} is that operator's id for {@code eldercare.events.op.<id>.v1} and
 * null for the shared {@link Topics#EVENTS}, which only the API writes. The job trusts the topic, not the record's
 * {@code source}.
 *
 * @param topicOperator the operator the topic belongs to, or null for the shared topic
 * @param value the record value as written (structured CloudEvent JSON, or anything else)
 */
public record RawEvent(String topicOperator, byte[] value) {

    /** Flink's POJO type for this record: no Kryo. */
    public static final TypeInformation<RawEvent> TYPE = TypeInformation.of(RawEvent.class);

    /** A value read from the shared topic. */
    public static RawEvent shared(byte[] value) {
        return new RawEvent(null, value);
    }

    /** A value read from {@code topic}: attributed to its operator when it is an operator topic. */
    public static RawEvent fromTopic(String topic, byte[] value) {
        return new RawEvent(TopicRegistry.OPERATOR_EVENTS.idOf(topic).orElse(null), value);
    }
}
