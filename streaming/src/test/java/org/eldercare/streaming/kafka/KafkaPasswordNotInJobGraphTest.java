package org.eldercare.streaming.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.InstantiationUtil;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.StreamingJobs;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CONTRACT.md §6.6: the whole job as the jar wires it (every Kafka source and sink), authenticating with SCRAM
 * from a password file. Its serialized JobGraph names the file and holds no password: Kafka reads the file when each
 * task builds its client.
 */
class KafkaPasswordNotInJobGraphTest {

    static final String PASSWORD = "job-kafka-pw-4711-not-in-the-graph";

    @Test
    void theJobGraphNamesThePasswordFileButHoldsNoKafkaPassword(@TempDir Path dir) throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("kafka-password"), PASSWORD + "\n");
        var pii = TestPiiSecrets.withHmacKey("kafka-graph-test-hmac-key-0123456789");
        StreamingConfig config = StreamingConfig.fromArgs(new String[] {
            "--kafka.bootstrap=127.0.0.1:9",
            "--kafka.security.protocol=SASL_PLAINTEXT",
            "--kafka.security.username=eldercare-job",
            "--kafka.security.password-file=" + passwordFile,
            "--pii.hmac-key-file=" + pii.hmacKeyFile(),
            "--pii.keys-file=" + pii.keysFile()
        });
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamingJobs.wire(env, config, ElasticsearchSinkFactory.forUrl("http://127.0.0.1:9"));

        JobGraph graph = env.getStreamGraph().getJobGraph();
        StringBuilder serialized =
                new StringBuilder(new String(InstantiationUtil.serializeObject(graph), StandardCharsets.ISO_8859_1));
        for (var vertex : graph.getVertices()) {
            serialized.append(new String(
                    InstantiationUtil.serializeObject(vertex.getConfiguration()), StandardCharsets.ISO_8859_1));
        }
        serialized
                .append(graph.getJobConfiguration())
                .append(env.getConfig().getGlobalJobParameters().toMap());

        assertThat(serialized.toString())
                .as("a positive control: the sources and sinks do name the password file")
                .contains("${eldercare-secret:" + passwordFile + ":jaas}")
                .doesNotContain(PASSWORD);
    }
}
