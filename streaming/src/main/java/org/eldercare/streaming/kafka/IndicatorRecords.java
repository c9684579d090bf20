package org.eldercare.streaming.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.index.Elasticsearch;

/** An indicator object as a record of the compacted {@link TopicRegistry#INDICATORS}, key = scope code. */
final class IndicatorRecords implements KafkaRecordSerializationSchema<IndicatorDocument> {

    private static final long serialVersionUID = 1L;
    private transient ObjectMapper mapper;

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        mapper = Elasticsearch.objectMapper();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(IndicatorDocument doc, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(
                    TopicRegistry.INDICATORS.name(),
                    TopicRegistry.INDICATORS.keyBytes(doc.code()),
                    mapper.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicators of " + doc.code() + " could not be written as JSON", e);
        }
    }
}
