package org.eldercare.infra.stack;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches the Elasticsearch and Kafka JVMs together, then polls both until healthy, so their startups overlap. A node
 * that exits or misses the deadline fails the wait with the end of its console output.
 */
final class StartupWait {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final long POLL_MILLIS = 200;

    private final Duration timeout;
    private final ElasticsearchNode elasticsearch;
    private final KafkaNode kafka;

    StartupWait(Duration timeout, ElasticsearchNode elasticsearch, KafkaNode kafka) {
        this.timeout = timeout;
        this.elasticsearch = elasticsearch;
        this.kafka = kafka;
    }

    private long begin;

    void launch() throws IOException {
        begin = System.nanoTime();
        elasticsearch.launch();
        kafka.launch();
        log.info(
                "[stack] launched elasticsearch (pid {}) and kafka (pid {})",
                elasticsearch.process().pid(),
                kafka.process().pid());
    }

    void await() throws InterruptedException {
        long deadline = begin + timeout.toNanos();
        boolean esUp = false;
        boolean kafkaUp = false;
        while (!(esUp && kafkaUp)) {
            if (!esUp) {
                elasticsearch.process().requireAlive();
                if (esUp = elasticsearch.healthy()) {
                    log.info(
                            "[stack] elasticsearch: started in {} at {}",
                            LocalStack.seconds(begin),
                            elasticsearch.url());
                }
            }
            if (!kafkaUp) {
                kafka.process().requireAlive();
                if (kafkaUp = kafka.healthy()) {
                    log.info("[stack] kafka: started in {} at {}", LocalStack.seconds(begin), kafka.bootstrapServers());
                }
            }
            if (System.nanoTime() > deadline) {
                NodeProcess late = esUp ? kafka.process() : elasticsearch.process();
                throw new LocalStackException((esUp ? "kafka" : "elasticsearch") + " not healthy after "
                        + timeout.toSeconds() + " s (raise eldercare.stack.startup-timeout-seconds); console ends"
                        + " with:\n" + late.consoleTail(20));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
