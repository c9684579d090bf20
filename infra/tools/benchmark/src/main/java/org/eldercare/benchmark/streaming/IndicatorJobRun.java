package org.eldercare.benchmark.streaming;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.eldercare.streaming.sink.DocumentSinkFactory;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;

/**
 * The indicator job ({@link IndicatorJob#build}) submitted to the stack's MiniCluster with a real Kafka source on
 * {@code eldercare.events.v1} from the earliest offset (bounded at the offsets of start time, or unbounded), EXACTLY_ONCE
 * checkpoints as configured, an {@link EntryCounter} after the source, and either the production sinks
 * (Elasticsearch documents, dead letters and indicators to Kafka) or discarding ones.
 */
final class IndicatorJobRun {

    enum Sinks {
        DISCARD,
        ES
    }

    private IndicatorJobRun() {}

    static JobClient start(LocalStack stack, StreamingConfig config, Sinks sinks, boolean bounded) throws Exception {
        return start(stack, config, jobSinks(config, sinks, stack), bounded);
    }

    /** As above, with the documents written by {@code documents} and dead letters and indicators to Kafka. */
    static JobClient start(LocalStack stack, StreamingConfig config, DocumentSinkFactory documents, boolean bounded)
            throws Exception {
        return start(stack, config, productionSinks(config, documents), bounded);
    }

    private static JobClient start(LocalStack stack, StreamingConfig config, JobSinks jobSinks, boolean bounded)
            throws Exception {
        EntryCounter.reset();
        // Not resumable: a measurement starts from nothing and must leave no checkpoint for a later run to restore.
        URI rest = stack.flinkRestAddress();
        StreamExecutionEnvironment env = JobEnvironment.of(config)
                .resumable(false)
                .remote(rest.getHost(), rest.getPort(), stack.flinkClientConfiguration());
        KafkaSourceBuilder<byte[]> source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(stack.kafkaBootstrapServers())
                .setTopics(Topics.EVENTS)
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            source.setBounded(OffsetsInitializer.latest());
        }
        DataStream<byte[]> raw = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "care events")
                .uid("care-events-source")
                .map(new EntryCounter())
                .name("benchmark entry counter")
                .uid("entry-counter");
        IndicatorJob.build(env, raw, jobSinks, config);
        return env.executeAsync("benchmark: " + org.eldercare.streaming.StreamingJobs.JOB_NAME);
    }

    private static JobSinks jobSinks(StreamingConfig config, Sinks sinks, LocalStack stack) {
        return switch (sinks) {
            case DISCARD ->
                JobSinks.of(new DiscardingDocuments(), new DiscardingSink<>(), new DiscardingSink<>(), null);
            case ES -> productionSinks(config, ElasticsearchSinkFactory.forUrl(stack.elasticsearchUrl()));
        };
    }

    /**
     * Every document to {@code documents}, service records included. (Until 2026-12-02 the service-record
     * documents went to a discarding sink here: the 4-argument {@code JobSinks.of} takes them as its third
     * argument, so the {@code --sinks es} figures before then did not index them.)
     */
    private static JobSinks productionSinks(StreamingConfig config, DocumentSinkFactory documents) {
        return JobSinks.of(
                documents,
                KafkaEndpoints.deadLetters(config.kafka()),
                config.publishIndicatorsToKafka() ? KafkaEndpoints.indicators(config.kafka()) : null);
    }

    /** The job's settings on this stack: its Kafka, its checkpoint dir, this parallelism and checkpoint interval. */
    static StreamingConfig config(LocalStack stack, int parallelism, Duration checkpointInterval) {
        return StreamingConfig.defaults()
                .withKafkaBootstrap(stack.kafkaBootstrapServers())
                .withCheckpointDir(
                        stack.config().flinkDir().resolve("checkpoints").toUri().toString())
                .withParallelism(parallelism)
                .with(StreamingConfig.CHECKPOINT_INTERVAL, checkpointInterval)
                .with(StreamingConfig.ES_URL, stack.elasticsearchUrl())
                .with(StreamingConfig.GROUP_ID, "eldercare-benchmark")
                // A benchmark on its own local stack: the public demo keys are fine (docs/CONTRACT.md §6.7).
                .with(StreamingConfig.PII_ALLOW_DEMO_KEY, true);
    }
}
