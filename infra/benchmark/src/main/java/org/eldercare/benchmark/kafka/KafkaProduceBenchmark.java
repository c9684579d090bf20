package org.eldercare.benchmark.kafka;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eldercare.benchmark.common.BenchStack;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.publish.EventPublisher;
import org.eldercare.ingest.publish.KeyedPayload;
import org.eldercare.ingest.publish.PublisherConfig;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.simulator.CitySimulator;
import org.eldercare.ingest.simulator.SimulatorConfig;
import org.eldercare.ingest.topic.Topics;

/**
 * Events straight to Kafka on the embedded broker: {@code --events} simulator events, serialised up front, written
 * to {@code eldercare.events.v1} (a) through the platform's {@link EventPublisher} in blocking batches of {@code
 * --batch} from {@code --threads} threads, as the API does, and (b) with one raw producer of the same settings
 * (idempotent, acks=all, lz4) sending asynchronously, for reference. A warm-up pass of each precedes the measured
 * one. No goal of its own: it shows the ceiling under the HTTP intake.
 */
public final class KafkaProduceBenchmark {

    private KafkaProduceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int events = options.integer("events", 1_000_000);
        int batch = options.integer("batch", 1000);
        int threads = options.integer("threads", 4);
        String kafkaHeap = options.string("kafka-heap", "1g");
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();

        List<KeyedPayload> payloads = payloads(events);
        long bytes = payloads.stream().mapToLong(p -> p.value().length).sum();
        try (WorkDir dir = WorkDir.create("kafka", keep);
                LocalStack stack = BenchStack.start(dir, kafkaHeap, "256m")) {
            TopicInitializer.ensureTopics(stack.kafkaBootstrapServers(), Duration.ofSeconds(30));
            PublisherConfig config = PublisherConfig.defaults(stack.kafkaBootstrapServers());
            Latencies batchLatency = new Latencies();
            try (EventPublisher publisher = new EventPublisher(config)) {
                viaPublisher(publisher, payloads.subList(0, Math.min(events, 200_000)), batch, threads, new Latencies());
                double publisherRate = viaPublisher(publisher, payloads, batch, threads, batchLatency);
                rawProducer(config, payloads.subList(0, Math.min(events, 200_000)));
                double rawRate = rawProducer(config, payloads);
                new Report("events straight to Kafka")
                        .line("parameters", "%,d simulator events (avg %d B), topic %s with %d partitions, embedded broker -Xmx%s; idempotent, acks=all, lz4, linger %d ms",
                                events, bytes / events, Topics.EVENTS, Topics.DEFAULT_PARTITIONS, kafkaHeap, config.linger().toMillis())
                        .line("publisher", "%,.0f events/s through EventPublisher, %d threads x blocking batches of %d; batch ack latency %s",
                                publisherRate, threads, batch, batchLatency.summary())
                        .line("raw", "%,.0f events/s with one raw KafkaProducer, async send + flush", rawRate)
                        .line("goal", "none of its own (the HTTP goal is 30,000 events/s)")
                        .print();
            }
        }
        System.exit(0);
    }

    private static List<KeyedPayload> payloads(int count) {
        SimulatorConfig config = SimulatorConfig.defaults().withRunId("kbench" + Long.toString(System.currentTimeMillis(), 36));
        CitySimulator simulator = new CitySimulator(config, Regions.load());
        List<KeyedPayload> out = new ArrayList<>(count);
        OffsetDateTime now = OffsetDateTime.now();
        for (CareEvent e : simulator.registrations(now)) {
            if (out.size() < count) {
                out.add(new KeyedPayload(e.partitionKey(), CloudEventJson.write(e)));
            }
        }
        while (out.size() < count) {
            CareEvent e = simulator.next(now);
            out.add(new KeyedPayload(e.partitionKey(), CloudEventJson.write(e)));
        }
        return out;
    }

    /** Events per second when {@code threads} callers each publish blocking batches, as the API's requests do. */
    private static double viaPublisher(
            EventPublisher publisher, List<KeyedPayload> payloads, int batch, int threads, Latencies latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long begin = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int from = next.getAndAdd(batch); from < payloads.size(); from = next.getAndAdd(batch)) {
                    long sent = System.nanoTime();
                    try {
                        publisher.publishSerialized(payloads.subList(from, Math.min(payloads.size(), from + batch)));
                    } catch (Exception e) {
                        throw new IllegalStateException("publish failed: " + e.getMessage(), e);
                    }
                    latencies.record(System.nanoTime() - sent);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return payloads.size() / ((System.nanoTime() - begin) / 1e9);
    }

    private static double rawProducer(PublisherConfig config, List<KeyedPayload> payloads) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.withClientId("bench-raw").producerProperties())) {
            long begin = System.nanoTime();
            for (KeyedPayload p : payloads) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, p.key(), p.value()), (metadata, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("raw send failed", error);
                    }
                });
            }
            producer.flush();
            return payloads.size() / ((System.nanoTime() - begin) / 1e9);
        }
    }
}
