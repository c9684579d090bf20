package org.eldercare.streaming;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.sink.DocumentSinkFactory;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;

/**
 * Runs the streaming jobs against real Kafka and Elasticsearch: {@code main(--key=value...)} for the
 * job jar on a Flink cluster (see {@link StreamingConfig#SETTINGS}), {@link #start} for the local
 * stack's in-process MiniCluster. Checkpoints are EXACTLY_ONCE under {@code checkpoint.dir} and
 * retained; a process started again on the same directory resumes from the newest one.
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
        StreamExecutionEnvironment env = environment(config, false);
        wire(
                env,
                config,
                new ElasticsearchSinkFactory(ElasticsearchConfig.forUrl(
                        config.elasticsearchUrl(), config.elasticsearchUsername(), config.elasticsearchPassword())));
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

    /** The environment: parallelism, EXACTLY_ONCE checkpoints, and the newest checkpoint to resume. */
    public static StreamExecutionEnvironment environment(StreamingConfig config, boolean local) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        LatestCheckpoint.under(config.checkpointDir())
                .ifPresent(chk -> conf.set(
                        StateRecoveryOptions.SAVEPOINT_PATH, chk.toUri().toString()));
        StreamExecutionEnvironment env = local
                ? StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf)
                : StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /** The Kafka source, the job, and its sinks: indexes through {@code documents}, Kafka topics from the config. */
    public static void wire(StreamExecutionEnvironment env, StreamingConfig config, DocumentSinkFactory documents) {
        DataStream<byte[]> events = env.fromSource(
                        KafkaEndpoints.events(config), WatermarkStrategy.noWatermarks(), "care events")
                .uid("care-events-source");
        JobSinks sinks = JobSinks.of(
                documents,
                KafkaEndpoints.deadLetters(config),
                config.publishIndicatorsToKafka() ? KafkaEndpoints.indicators(config) : null);
        IndicatorJob.build(env, events, sinks, config);
        indexDeadLetters(env, config, documents);
    }

    /** Every dead letter, whoever rejected it, into the {@code rejections} index (id: source, event, stage). */
    private static void indexDeadLetters(
            StreamExecutionEnvironment env, StreamingConfig config, DocumentSinkFactory documents) {
        env.fromSource(KafkaEndpoints.deadLetterRecords(config), WatermarkStrategy.noWatermarks(), "dead letters in")
                .uid("dead-letters-source")
                .flatMap(new ReadDeadLetters(), StreamTypes.REJECTION)
                .name("read dead letters")
                .uid("read-dead-letters")
                .sinkTo(documents.create(IndexNames.REJECTIONS, Rejection::documentId))
                .name("rejections index")
                .uid("dead-letters-index");
    }
}
