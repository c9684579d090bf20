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
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.tools.simulator.CitySimulator;
import org.eldercare.tools.simulator.SimulatorConfig;

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
                viaPublisher(
                        publisher, payloads.subList(0, Math.min(events, 200_000)), batch, threads, new Latencies());
                Pass published = viaPublisher(publisher, payloads, batch, threads, batchLatency);
                rawProducer(config, payloads.subList(0, Math.min(events, 200_000)));
                Pass raw = rawProducer(config, payloads);
                new Report("events straight to Kafka")
                        .line(
                                "parameters",
                                "%,d simulator events (avg %d B), topic %s with %d partitions, embedded broker -Xmx%s; idempotent, acks=all, lz4, linger %d ms",
                                events,
                                bytes / events,
                                Topics.EVENTS,
                                Topics.DEFAULT_PARTITIONS,
                                kafkaHeap,
                                config.linger().toMillis())
                        .line(
                                "publisher",
                                "%,.0f events/s acknowledged through EventPublisher, %d threads x blocking batches of %d, %d batches failed",
                                published.eventsPerSecond(),
                                threads,
                                batch,
                                published.failed())
                        .line("batch ack", "%s", batchLatency.summary())
                        .line(
                                "raw",
                                "%,.0f events/s acknowledged to one raw KafkaProducer, async send + flush, %d records failed",
                                raw.eventsPerSecond(),
                                raw.failed())
                        .line("goal", "none of its own (the HTTP goal is 30,000 events/s)")
                        .print();
            }
        }
        System.exit(0);
    }

    private static List<KeyedPayload> payloads(int count) {
        SimulatorConfig config =
                SimulatorConfig.defaults().withRunId("kbench" + Long.toString(System.currentTimeMillis(), 36));
        CitySimulator simulator = new CitySimulator(config, Regions.load());
        List<KeyedPayload> out = new ArrayList<>(count);
        OffsetDateTime now = OffsetDateTime.now();
        for (CareEvent e : simulator.registrations(now)) {
            if (out.size() < count) {
                out.add(new KeyedPayload(TopicRegistry.EVENTS.key(e), CloudEventJson.write(e)));
            }
        }
        while (out.size() < count) {
            CareEvent e = simulator.next(now);
            out.add(new KeyedPayload(TopicRegistry.EVENTS.key(e), CloudEventJson.write(e)));
        }
        return out;
    }

    /** What a pass delivered: acknowledged events per second and the batches that failed (the API's 503s). */
    record Pass(double eventsPerSecond, int failed) {}

    /** Events per second when {@code threads} callers each publish blocking batches, as the API's requests do. */
    private static Pass viaPublisher(
            EventPublisher publisher, List<KeyedPayload> payloads, int batch, int threads, Latencies latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long begin = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int from = next.getAndAdd(batch); from < payloads.size(); from = next.getAndAdd(batch)) {
                    long sent = System.nanoTime();
                    try {
                        acknowledged.addAndGet(publisher
                                .publishSerialized(payloads.subList(from, Math.min(payloads.size(), from + batch)))
                                .acknowledged());
                        latencies.record(System.nanoTime() - sent);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return new Pass(acknowledged.get() / ((System.nanoTime() - begin) / 1e9), failed.get());
    }

    /** Events per second acknowledged to one raw producer sending everything asynchronously. */
    private static Pass rawProducer(PublisherConfig config, List<KeyedPayload> payloads) {
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config.withClientId("bench-raw").producerProperties())) {
            long begin = System.nanoTime();
            for (KeyedPayload p : payloads) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, p.key(), p.value()), (metadata, error) -> {
                    (error == null ? acknowledged : failed).incrementAndGet();
                });
            }
            producer.flush();
            return new Pass(acknowledged.get() / ((System.nanoTime() - begin) / 1e9), failed.get());
        }
    }
}
