package org.eldercare.api.local;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.streaming.StreamingConfig;

/** Where accepted {@code service.delivered} events go after the indicator job: recipient resolution. */
class RecipientStage {

    Sink<CareEvent> sink() {
        return new DiscardingSink<>();
    }

    void extend(StreamExecutionEnvironment env, StreamingConfig config) {}
}
