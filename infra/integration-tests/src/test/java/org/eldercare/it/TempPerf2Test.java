package org.eldercare.it;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.search.eval.LabelledEvaluation;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.eldercare.streaming.serde.StreamTypes;
import org.junit.jupiter.api.Test;

class TempPerf2Test {
    @Test
    void perf() throws Exception {
        List<LabelledEvaluation.Record> recs = LabelledEvaluation.generate(12, Integer.getInteger("persons", 1000)).records();
        List<CareEvent> events = new ArrayList<>();
        for (LabelledEvaluation.Record r : recs) {
            String recordId = r.recordKey().substring(r.recordKey().indexOf(':') + 1);
            var at = r.at().atOffset(ZoneOffset.ofHours(8));
            events.add(new CareEvent("evt-" + recordId, "/operators/op-eval", EventType.SERVICE_DELIVERED, at,
                    new ServiceDelivered(recordId, "f-eval", null, ServiceType.MEAL, at, 30, r.recipient())));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        if (Boolean.getBoolean("chk")) env.enableCheckpointing(1_000);
        RecipientResolution.attach(env.fromData(events, StreamTypes.CARE_EVENT).setParallelism(1), "integration-test-hmac-key",
                new DiscardingSink<>(), new DiscardingSink<>());
        long t0 = System.nanoTime();
        env.executeAsync("perf").getJobExecutionResult().get(10, TimeUnit.MINUTES);
        System.out.printf("PERF %d records in %.2fs%n", events.size(), (System.nanoTime() - t0) / 1e9);
    }
}
