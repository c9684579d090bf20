package org.eldercare.streaming.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands on each record's value as it is, with the operator of the topic it was read from; records without a value
 * (tombstones) carry no event.
 */
final class RawEventValues implements KafkaRecordDeserializationSchema<RawEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        if (record.value() != null) {
            out.collect(RawEvent.fromTopic(record.topic(), record.value()));
        }
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return RawEvent.TYPE;
    }
}
