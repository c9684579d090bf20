package org.eldercare.streaming;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.eldercare.streaming.kafka.RawEvent;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.sink.DocumentSinkFactory;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;

/**
 * Runs the streaming jobs against real Kafka and Elasticsearch: {@code main(--key=value...)} for the
 * job jar on a Flink cluster (see {@link StreamingConfig#SETTINGS}), {@link #start} for the local
 * stack's in-process MiniCluster. The environment is {@link JobEnvironment}'s: checkpoints are EXACTLY_ONCE under
 * {@code checkpoint.dir} and retained; a process started again on the same directory resumes from the newest one.
 */
public final class StreamingJobs {

    /** Skips a dead letter that is not valid JSON (someone else wrote to the topic) instead of failing the job. */
    static final class ReadDeadLetters
            implements org.apache.flink.api.common.functions.FlatMapFunction<byte[], Rejection> {
        @Override
        public void flatMap(byte[] value, org.apache.flink.util.Collector<Rejection> out) {
            try {
                out.collect(org.eldercare.ingest.deadletter.DeadLetterCodec.read(value));
            } catch (IllegalArgumentException unreadable) {
                // Counted nowhere on purpose: the topic is ours, and the raw bytes may hold personal data.
            }
        }
    }

    public static final String JOB_NAME = "eldercare live indicators";

    private StreamingJobs() {}

    public static void main(String[] args) throws Exception {
        StreamingConfig config = StreamingConfig.fromArgs(args, System::getenv);
        StreamExecutionEnvironment env = JobEnvironment.of(config).onCluster();
        wire(env, config, new ElasticsearchSinkFactory(config.elasticsearchConfig()));
        env.execute(JOB_NAME);
    }

    /**
     * Starts the job without blocking, in a local environment when {@code local}. Every index,
     * service records and recipients included, is written through {@code documents}.
     */
    public static JobClient start(StreamingConfig config, DocumentSinkFactory documents, boolean local)
            throws Exception {
        StreamExecutionEnvironment env = environment(config, local);
        wire(env, config, documents);
        return env.executeAsync(JOB_NAME);
    }

    /** The environment as {@link JobEnvironment} builds it: in-process when {@code local}, else the cluster's. */
    public static StreamExecutionEnvironment environment(StreamingConfig config, boolean local) {
        JobEnvironment environment = JobEnvironment.of(config);
        return local ? environment.local() : environment.onCluster();
    }

    /** The Kafka source, the job, and its sinks: indexes through {@code documents}, Kafka topics from the config. */
    public static void wire(StreamExecutionEnvironment env, StreamingConfig config, DocumentSinkFactory documents) {
        DataStream<RawEvent> events = env.fromSource(
                        KafkaEndpoints.events(config.kafka()), WatermarkStrategy.noWatermarks(), "care events")
                .uid("care-events-source");
        JobSinks sinks = JobSinks.of(
                        documents,
                        KafkaEndpoints.deadLetters(config.kafka()),
                        config.publishIndicatorsToKafka() ? KafkaEndpoints.indicators(config.kafka()) : null)
                .withIncidentTopic(KafkaEndpoints.incidentTransitions(config.kafka()));
        IndicatorJob.buildOnTopics(env, events, sinks, config);
        indexDeadLetters(env, config, documents);
    }

    /** Every dead letter, whoever rejected it, into the {@code rejections} index (id: source, event, stage). */
    private static void indexDeadLetters(
            StreamExecutionEnvironment env, StreamingConfig config, DocumentSinkFactory documents) {
        env.fromSource(
                        KafkaEndpoints.deadLetterRecords(config.kafka()),
                        WatermarkStrategy.noWatermarks(),
                        "dead letters in")
                .uid("dead-letters-source")
                .flatMap(new ReadDeadLetters(), StreamTypes.REJECTION)
                .name("read dead letters")
                .uid("read-dead-letters")
                .sinkTo(documents.create(IndexRegistry.REJECTIONS))
                .name("rejections index")
                .uid("dead-letters-index");
    }
}
