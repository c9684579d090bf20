package org.eldercare.benchmark.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.benchmark.common.BenchStack;
import org.eldercare.benchmark.common.CorePinning;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.index.IndexSpec;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.sink.DocumentSinkFactory;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;
import org.eldercare.tools.simulator.CitySimulator;
import org.eldercare.tools.simulator.SimulatorConfig;

/**
 * Service-record indexing through the job against the raw {@code _bulk} rate of the same Elasticsearch node, in one
 * run (issue #14, item 6):
 *
 * <ol>
 *   <li><b>job</b>: {@code --records} simulator {@code service.delivered} events (sealed as the API seals them) after
 *       the facilities' registrations, pre-filled into Kafka; the indicator job with its production sinks reads them;
 *       service-record documents indexed per second, read off the node's own indexing counters.
 *   <li><b>freshness</b>: the same job, now fed {@code --rate} records per second with probes among them: send →
 *       the probe's recipient found by a search of {@code recipients} (what the hotline's match sees), p50/p99.
 *   <li><b>raw</b>: the same number of the job's own service-record documents, read back, bulk-indexed straight into
 *       an empty index with the {@code service-records} mapping, in bulks of the sink's size with the sink's one
 *       request in flight; documents per second read off the same counters.
 *   <li><b>raw mix</b>: what the job writes per record, raw: each record's service record, and recipient, facility
 *       and indicator documents as often as the job wrote them, into copies of those four indexes, in bulks of the
 *       same size; records per second.
 * </ol>
 *
 * The ratio job/raw is the figure; the goal is at least 85 %. The ratio job/raw mix says how much of the
 * node's own rate for the job's documents the sinks reach: raw mix/raw is the most the first ratio can be, whatever
 * the sinks do, while the job writes those other documents beside each service record.
 */
public final class SinkBenchmark {

    static final String RAW_INDEX = "bench-raw-service-records";
    /** The raw mix: the job's own documents of every index it writes per record, each into a copy of its index. */
    static final String MIX_PREFIX = "bench-mix-";

    private static final double GOAL_RATIO = 0.85;
    /** The job's steady rate is read from the sample that shows this share of its service records indexed. */
    private static final double STEADY_AFTER = 0.25;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SERVICE_RECORDS = IndexRegistry.SERVICE_RECORDS.name();
    private static final String RECIPIENTS = IndexRegistry.RECIPIENTS.name();
    private static final String FACILITIES = IndexRegistry.FACILITIES.name();
    private static final String INDICATORS = IndexRegistry.INDICATORS.name();
    private static final List<String> MIXED = List.of(SERVICE_RECORDS, RECIPIENTS, FACILITIES, INDICATORS);

    private SinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int records = options.integer("records", 200_000);
        // 0: half the rate the job reached on the backlog, so the freshness is measured below its capacity.
        double rate = options.integer("rate", 0);
        int probes = options.integer("probes", 10);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(10));
        Duration duration = options.duration("duration", Duration.ofSeconds(30));
        boolean coalesce = Boolean.parseBoolean(options.string("coalesce", "true"));
        int parallelism = options.integer("parallelism", 2);
        Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(5));
        String kafkaHeap = options.string("kafka-heap", "1g");
        String esHeap = options.string("es-heap", "1g");
        boolean keep = options.flag("keep-data");
        boolean pin = options.flag("pin");
        // The raw phases index at least this many service records (the job's, again under new ids as needed).
        int rawDocuments = options.integer("raw-documents", 400_000);
        // The sinks' bulk flush interval (eldercare.elasticsearch.bulk-flush-interval); indexes the registry says are
        // watched live keep their shorter one.
        Duration flushInterval = options.duration("flush-interval", Duration.ZERO);
        String documents = options.string("documents", "es");
        if (!List.of("es", "discard").contains(documents)) {
            throw new IllegalArgumentException("--documents: es or discard, not " + documents);
        }
        options.requireAllKnown();
        String runId = "sk" + Long.toString(System.currentTimeMillis(), 36);
        try (WorkDir dir = WorkDir.create("sinks", keep);
                LocalStack stack = BenchStack.start(dir, kafkaHeap, esHeap)) {
            String pinned = pin ? pinNode() : "not pinned (the job and the node share every CPU)";
            System.out.println("[bench] cpus: " + pinned);
            Run run = new Run(
                    stack,
                    IndicatorJobRun.config(stack, parallelism, checkpoints),
                    runId,
                    coalesce,
                    pinned,
                    flushInterval);
            if (documents.equals("discard")) {
                run.jobAlone(records);
            } else {
                run.measure(records, rawDocuments, rate, probes, warmup, duration, kafkaHeap, esHeap);
            }
        }
        System.exit(0);
    }

    private static String pinNode() {
        ProcessHandle node = CpuMeter.child("ElasticsearchNodeMain")
                .orElseThrow(() -> new IllegalStateException("--pin: no Elasticsearch node process found"));
        return CorePinning.pin(node, CpuMeter.child("KafkaNodeMain").stream().toList());
    }

    private static final class Run {
        private final LocalStack stack;
        private final StreamingConfig config;
        private final String runId;
        private final boolean coalesce;
        private final ElasticsearchConfig es;
        private final ObjectMapper json = new ObjectMapper();
        private final HttpClient http = HttpClient.newHttpClient();
        private final CitySimulator simulator;
        private final RecipientTokeniser sealer = RecipientFreshness.demoSealer();
        private final String pinned;
        private long sourceBytes;

        Run(
                LocalStack stack,
                StreamingConfig config,
                String runId,
                boolean coalesce,
                String pinned,
                Duration flushInterval) {
            this.stack = stack;
            this.pinned = pinned;
            this.config = config;
            this.runId = runId;
            this.coalesce = coalesce;
            ElasticsearchConfig defaults = ElasticsearchConfig.forUrl(stack.elasticsearchUrl());
            this.es = flushInterval.isZero() ? defaults : defaults.withBulkFlushInterval(flushInterval);
            this.simulator = new CitySimulator(SimulatorConfig.defaults().withRunId(runId), Regions.load());
        }

        void measure(
                int records,
                int rawDocuments,
                double requestedRate,
                int probes,
                Duration warmup,
                Duration duration,
                String kafkaHeap,
                String esHeap)
                throws Exception {
            int sent = fill(records);

            List<String> metered = new ArrayList<>(MIXED);
            metered.add(RAW_INDEX);
            MIXED.forEach(index -> metered.add(MIX_PREFIX + index));
            try (IndexingMeter meter = new IndexingMeter(stack.elasticsearchUrl(), metered);
                    CpuMeter cpu = new CpuMeter()) {
                // 1. The job on the backlog. Its rate is read to a quarter of a second: no need to load the node and
                // this JVM with 50 stats requests a second, as the short raw phases need.
                meter.pollEvery(Duration.ofMillis(250));
                long jobFrom = System.nanoTime();
                JobClient job = IndicatorJobRun.start(stack, config, documents(), false);
                awaitEntered(sent);
                long entered = EntryCounter.count();
                double entrySeconds = (EntryCounter.lastNanos() - EntryCounter.firstNanos()) / 1e9;
                if (!meter.awaitQuiet(SERVICE_RECORDS, Duration.ofSeconds(3), Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the job did not finish indexing its service records in 5 min");
                }
                long jobTo = System.nanoTime();
                IndexingMeter.Rate jobRecords = meter.rate(SERVICE_RECORDS, jobFrom, jobTo);
                IndexingMeter.Rate jobSteady = meter.steadyRate(SERVICE_RECORDS, jobFrom, jobTo, STEADY_AFTER);
                IndexingMeter.Rate jobRecipients = meter.rate(RECIPIENTS, jobFrom, jobTo);
                long jobFacilities = meter.rate(FACILITIES, jobFrom, jobTo).operations();
                long jobIndicators = meter.rate(INDICATORS, jobFrom, jobTo).operations();
                double rate = requestedRate > 0 ? requestedRate : Math.max(1, Math.round(jobSteady.perSecond() / 2));
                System.out.printf(
                        "[bench] job: %,d service-record and %,d recipient index operations; now %,.0f records/s with probes%n",
                        jobRecords.operations(), jobRecipients.operations(), rate);

                // 2. Freshness at a steady rate, on the same job.
                FacilityDetails probeFacility = simulator.facilities().getFirst();
                RecipientFreshness freshness;
                try (EventProducer producer = new EventProducer(stack.kafkaBootstrapServers())) {
                    freshness = new RecipientFreshness(
                            producer,
                            sealer,
                            probeFacility,
                            simulator.ownerOf(probeFacility.facilityId()),
                            stack.elasticsearchUrl(),
                            runId);
                    freshness.run(() -> nextRecord(OffsetDateTime.now(SHANGHAI)), rate, probes, warmup, duration);
                    producer.flush();
                }
                job.cancel().get();

                // 3. The raw rate of the same node on the job's own documents.
                meter.pollEvery(Duration.ofMillis(IndexingMeter.POLL_MILLIS));
                // As long a phase as the job's, not a burst: refresh and merge costs show only in a sustained run.
                int rounds = Math.max(1, (int) Math.ceil(rawDocuments / (double) records));
                List<byte[]> bulks = rawBulks(records, rounds);
                awaitNoMerges(Duration.ofSeconds(60));
                long rawFrom = System.nanoTime();
                for (byte[] bulk : bulks) {
                    send("/" + RAW_INDEX + "/_bulk", bulk);
                }
                long rawClientTo = System.nanoTime();
                if (!meter.awaitQuiet(RAW_INDEX, Duration.ofSeconds(1), Duration.ofMinutes(1))) {
                    throw new IllegalStateException(RAW_INDEX + ": operations not seen within a minute");
                }
                IndexingMeter.Rate raw = meter.rate(RAW_INDEX, rawFrom, System.nanoTime());

                // 4. The raw rate of the job's whole mix: per record its service record, and recipient, facility and
                // indicator documents in the proportion the job wrote them, in bulks of the same size.
                bulks = null; // about 0.8 KB per document; the mix's bulks are built next
                List<byte[]> mixBulks =
                        mixBulks(records, rounds, jobRecipients.operations(), jobFacilities, jobIndicators);
                awaitNoMerges(Duration.ofSeconds(60));
                long mixFrom = System.nanoTime();
                for (byte[] bulk : mixBulks) {
                    send("/_bulk", bulk);
                }
                String mixRecords = MIX_PREFIX + SERVICE_RECORDS;
                if (!meter.awaitQuiet(mixRecords, Duration.ofSeconds(1), Duration.ofMinutes(1))) {
                    throw new IllegalStateException(mixRecords + ": operations not seen within a minute");
                }
                long mixTo = System.nanoTime();
                IndexingMeter.Rate mix = meter.rate(mixRecords, mixFrom, mixTo);
                long mixOperations = 0;
                for (String index : MIXED) {
                    mixOperations +=
                            meter.rate(MIX_PREFIX + index, mixFrom, mixTo).operations();
                }

                double wholeRatio = jobRecords.perSecond() / raw.perSecond();
                double ratio = jobSteady.perSecond() / raw.perSecond();
                double mixRatio = jobSteady.perSecond() / mix.perSecond();
                double p99 = freshness.latencies().millisAt(0.99);
                new Report("service-record indexing: the job against raw _bulk on the same node")
                        .line(
                                "parameters",
                                "%,d sealed service.delivered (simulator, %d facilities registered first) pre-filled"
                                        + " into Kafka; IndicatorJob with production sinks (every index, dead letters"
                                        + " and indicators to Kafka), parallelism %d, EXACTLY_ONCE checkpoints every"
                                        + " %d s; bulks of %d, %d request in flight per sink, flush %d ms; recipients"
                                        + " sink %s; kafka -Xmx%s, elasticsearch -Xmx%s",
                                records,
                                simulator.facilities().size(),
                                config.parallelism(),
                                config.checkpointInterval().toSeconds(),
                                es.bulkActions(),
                                1,
                                es.bulkFlushInterval().toMillis(),
                                coalesce
                                        ? "coalescing (one version per person per flush)"
                                        : "plain (every version sent)",
                                kafkaHeap,
                                esHeap)
                        .line("cpus", "%s", pinned)
                        .line(
                                "raw _bulk",
                                "%,.0f docs/s: %,d of the job's service-record documents (%.0f bytes of source each;"
                                        + " %d round(s) of the job's %,d, each under ids of its own), bulks of %d, 1 in"
                                        + " flight, into an empty index with the service-records mapping (%.1f s"
                                        + " between the first and the last indexed; client %.1f s)",
                                raw.perSecond(),
                                raw.operations(),
                                sourceBytes / (double) records,
                                rounds,
                                records,
                                es.bulkActions(),
                                raw.seconds(),
                                (rawClientTo - rawFrom) / 1e9)
                        .line("  cpu", "%s", cpu.between(raw.fromNanos(), raw.toNanos()))
                        .line(
                                "raw mix",
                                "%,.0f records/s: per record its service record, and recipient, facility and"
                                        + " indicator documents as often as the job wrote them (%,d + %,d + %,d per"
                                        + " round, %d rounds), %,d operations in bulks of %d across 4 indexes, 1 in"
                                        + " flight (%.1f s)",
                                mix.perSecond(),
                                jobRecipients.operations(),
                                jobFacilities,
                                jobIndicators,
                                rounds,
                                mixOperations,
                                es.bulkActions(),
                                mix.seconds())
                        .line("  cpu", "%s", cpu.between(mix.fromNanos(), mix.toNanos()))
                        .line(
                                "job",
                                "%,.0f service-record docs/s indexed through the job (%,d index operations for %,d"
                                        + " records, %.1f s between the first and the last; %,d events entered the job"
                                        + " in %.1f s)",
                                jobRecords.perSecond(),
                                jobRecords.operations(),
                                records,
                                jobRecords.seconds(),
                                entered,
                                entrySeconds)
                        .line(
                                "  steady",
                                "%,.0f service-record docs/s once a quarter of the records were indexed (%,d in %.1f"
                                        + " s): the job started and its JVM warmed up",
                                jobSteady.perSecond(),
                                jobSteady.last() - jobSteady.first(),
                                jobSteady.seconds())
                        .line(
                                "  recipients",
                                "%,d recipient index operations in the same time, %.2f per record",
                                jobRecipients.operations(),
                                jobRecipients.operations() / (double) records)
                        .line("  cpu", "%s", cpu.between(jobRecords.fromNanos(), jobRecords.toNanos()))
                        .line(
                                "ratio",
                                "job steady / raw = %.1f %% (the whole job phase: %.1f %%)",
                                ratio * 100,
                                wholeRatio * 100)
                        .line(
                                "ratio mix",
                                "job steady / raw mix = %.1f %% (what the sinks lose against Elasticsearch's own rate for the"
                                        + " job's documents)",
                                mixRatio * 100)
                        .line(
                                "freshness",
                                "record sent -> its recipient found by a search of recipients, at %,.0f records/s%s: %s",
                                rate,
                                requestedRate > 0 ? "" : " (half the job's rate)",
                                freshness.latencies().summary())
                        .line(
                                "probes",
                                "%,d sent, %,d measured, %,d not found within 10 s after the run",
                                freshness.probes(),
                                freshness.latencies().count(),
                                freshness.unseen())
                        .goal(
                                "job steady ≥ 85 % of raw _bulk",
                                ratio >= GOAL_RATIO, String.format(Locale.ROOT, "%.1f %%", ratio * 100))
                        .line("  p99", "%.0f ms hotline freshness (quoted, no goal of its own)", p99)
                        .print();
            }
        }

        /**
         * Creates the indexes (and the raw and mix copies), then fills the topic with the facilities' registrations
         * and {@code records} sealed {@code service.delivered} over the last hour; returns the events sent.
         */
        private int fill(int records) throws Exception {
            TopicInitializer.ensureTopics(stack.kafkaBootstrapServers(), Duration.ofSeconds(30));
            var client = Elasticsearch.client(es);
            try {
                new IndexManager(client, es).ensureAll();
            } finally {
                client._transport().close();
            }
            createIndexLike(SERVICE_RECORDS, RAW_INDEX);
            for (String index : MIXED) {
                createIndexLike(index, MIX_PREFIX + index);
            }

            OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusHours(1);
            Duration step = Duration.ofHours(1).dividedBy(records);
            int sent = 0;
            long fillBegin = System.nanoTime();
            try (EventProducer producer = new EventProducer(stack.kafkaBootstrapServers())) {
                for (CareEvent e : simulator.registrations(start)) {
                    producer.send(e);
                    sent++;
                }
                OffsetDateTime at = start;
                for (int i = 0; i < records; i++, at = at.plus(step)) {
                    producer.send(nextRecord(at));
                    sent++;
                }
                producer.flush();
            }
            System.out.printf(
                    "[bench] %,d events (%,d service.delivered) in the topic after %.1f s; running the job%n",
                    sent, records, (System.nanoTime() - fillBegin) / 1e9);

            return sent;
        }

        /**
         * {@code --documents discard}: the job on the same backlog with every document sink discarding, so its rate
         * is the job's own ceiling on this stream without Elasticsearch (dead letters and indicators still go to
         * Kafka). Events entered per second at the source, which backpressure holds to what the job keeps up with.
         */
        void jobAlone(int records) throws Exception {
            int sent = fill(records);
            try (CpuMeter cpu = new CpuMeter()) {
                JobClient job = IndicatorJobRun.start(stack, config, new DiscardingDocuments(), false);
                awaitEntered(sent);
                long entered = EntryCounter.count();
                double seconds = (EntryCounter.lastNanos() - EntryCounter.firstNanos()) / 1e9;
                job.cancel().get();
                new Report("the job alone: every document sink discarding, same backlog")
                        .line(
                                "parameters",
                                "%,d sealed service.delivered (simulator, %d facilities registered first) pre-filled"
                                        + " into Kafka; IndicatorJob, document sinks discarding, dead letters and"
                                        + " indicators to Kafka, parallelism %d, EXACTLY_ONCE checkpoints every %d s",
                                records,
                                simulator.facilities().size(),
                                config.parallelism(),
                                config.checkpointInterval().toSeconds())
                        .line("cpus", "%s", pinned)
                        .line(
                                "job",
                                "%,.0f events/s entered the job (%,d of %,d in %.1f s between the first and the last)",
                                entered / seconds,
                                entered,
                                sent,
                                seconds)
                        .line("  cpu", "%s", cpu.between(EntryCounter.firstNanos(), EntryCounter.lastNanos()))
                        .print();
            }
        }

        /** Waits until {@code sent} events entered the job, or 15 minutes. */
        private static void awaitEntered(long sent) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (EntryCounter.count() < sent && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        /** The next simulator {@code service.delivered} at {@code at}, sealed as the API seals it. */
        private CareEvent nextRecord(OffsetDateTime at) {
            CareEvent e = simulator.next(at);
            while (e.type() != EventType.SERVICE_DELIVERED) {
                e = simulator.next(at);
            }
            return sealer.seal(e);
        }

        private DocumentSinkFactory documents() {
            ElasticsearchSinkFactory production = new ElasticsearchSinkFactory(es);
            return coalesce ? production : new EveryVersion(production);
        }

        /** An empty index {@code name} with the settings and mapping of the registry's {@code like}. */
        private void createIndexLike(String like, String name) throws IOException, InterruptedException {
            ObjectNode body;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(IndexSpec.mappingResourceOf(like))) {
                body = (ObjectNode) json.readTree(in);
            }
            ((ObjectNode) body.path("settings").path("index")).put("number_of_replicas", es.replicas());
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri("/" + name))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": not created: " + response.body());
            }
        }

        /** One of the job's service-record documents as read back: its id, its source, whom and where it names. */
        private record ServiceRecord(String id, byte[] source, String recipientId, String facilityId) {}

        /** {@code count} of the job's service-record documents, each source serialised once. */
        private List<ServiceRecord> serviceRecords(int count) throws IOException, InterruptedException {
            List<ServiceRecord> records = new ArrayList<>();
            for (JsonNode hit : read(SERVICE_RECORDS, count)) {
                JsonNode source = hit.path("_source");
                records.add(new ServiceRecord(
                        hit.path("_id").asText(),
                        json.writeValueAsBytes(source),
                        source.path("recipientId").asText(),
                        source.path("facilityId").asText()));
            }
            return records;
        }

        /** {@code count} of the job's service-record documents, {@code rounds} times, as bulk bodies of the sink's size. */
        private List<byte[]> rawBulks(int count, int rounds) throws IOException, InterruptedException {
            Bulks bulks = new Bulks(es.bulkActions());
            List<ServiceRecord> records = serviceRecords(count);
            records.forEach(r -> sourceBytes += r.source().length);
            for (int round = 0; round < rounds; round++) {
                bulks.round(round);
                for (ServiceRecord record : records) {
                    bulks.add(null, record.id(), record.source());
                }
            }
            return bulks.done();
        }

        /**
         * The job's documents as the job wrote them, per record: its service record, and every so many records its
         * person's recipient document (as it is now), a facility and an indicator document, so that each index
         * receives as many operations as it did from the job; {@code rounds} times, each under ids of its own.
         */
        private List<byte[]> mixBulks(
                int count, int rounds, long recipientOperations, long facilityOperations, long indicatorOperations)
                throws IOException, InterruptedException {
            Map<String, byte[]> recipients = sources(RECIPIENTS);
            Map<String, byte[]> facilities = sources(FACILITIES);
            List<Map.Entry<String, byte[]>> indicators =
                    new ArrayList<>(sources(INDICATORS).entrySet());
            List<ServiceRecord> records = serviceRecords(count);
            Bulks bulks = new Bulks(es.bulkActions());
            for (int round = 0; round < rounds; round++) {
                bulks.round(round);
                double recipientCredit = 0;
                double facilityCredit = 0;
                double indicatorCredit = 0;
                int nextIndicator = 0;
                for (ServiceRecord record : records) {
                    bulks.add(MIX_PREFIX + SERVICE_RECORDS, record.id(), record.source());
                    recipientCredit += recipientOperations / (double) count;
                    String recipientId = record.recipientId();
                    while (recipientCredit >= 1 && recipients.containsKey(recipientId)) {
                        bulks.add(MIX_PREFIX + RECIPIENTS, recipientId, recipients.get(recipientId));
                        recipientCredit--;
                    }
                    facilityCredit += facilityOperations / (double) count;
                    String facilityId = record.facilityId();
                    while (facilityCredit >= 1 && facilities.containsKey(facilityId)) {
                        bulks.add(MIX_PREFIX + FACILITIES, facilityId, facilities.get(facilityId));
                        facilityCredit--;
                    }
                    indicatorCredit += indicatorOperations / (double) count;
                    while (indicatorCredit >= 1 && !indicators.isEmpty()) {
                        Map.Entry<String, byte[]> indicator = indicators.get(nextIndicator++ % indicators.size());
                        bulks.add(MIX_PREFIX + INDICATORS, indicator.getKey(), indicator.getValue());
                        indicatorCredit--;
                    }
                }
            }
            return bulks.done();
        }

        /** Every document of {@code index} by id. */
        private Map<String, byte[]> sources(String index) throws IOException, InterruptedException {
            Map<String, byte[]> byId = new HashMap<>();
            for (JsonNode hit : read(index, Integer.MAX_VALUE)) {
                byId.put(hit.path("_id").asText(), json.writeValueAsBytes(hit.path("_source")));
            }
            return byId;
        }

        /** Up to {@code count} hits of {@code index} in index order (a scroll); all of them, or fails. */
        private List<JsonNode> read(String index, int count) throws IOException, InterruptedException {
            List<JsonNode> out = new ArrayList<>();
            JsonNode page = post("/" + index + "/_search?scroll=1m", "{\"size\":5000,\"sort\":[\"_doc\"]}");
            while (out.size() < count) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                for (JsonNode hit : hits) {
                    if (out.size() == count) {
                        break;
                    }
                    out.add(hit);
                }
                page = post(
                        "/_search/scroll",
                        "{\"scroll\":\"1m\",\"scroll_id\":"
                                + json.writeValueAsString(
                                        page.path("_scroll_id").asText()) + "}");
            }
            if (count != Integer.MAX_VALUE && out.size() < count) {
                throw new IllegalStateException(index + ": only " + out.size() + " documents to read back");
            }
            return out;
        }

        /** Bulk bodies of {@code size} operations each. */
        private final class Bulks {
            private final int size;
            private final List<byte[]> done = new ArrayList<>();
            private final ByteArrayOutputStream bulk = new ByteArrayOutputStream();
            private int inBulk;
            private String idSuffix = "";

            Bulks(int size) {
                this.size = size;
            }

            /**
             * The operations added from now on belong to round {@code round}: round 0 under the job's own ids, a later
             * one under ids of its own, so that a longer raw phase adds documents as the job did rather than
             * overwriting the first round's.
             */
            void round(int round) {
                idSuffix = round == 0 ? "" : "~" + round;
            }

            /** An index operation; {@code index} null for the request's own index. */
            void add(String index, String id, byte[] source) throws IOException {
                bulk.write(("{\"index\":{"
                                + (index == null ? "" : "\"_index\":" + json.writeValueAsString(index) + ",")
                                + "\"_id\":" + json.writeValueAsString(id + idSuffix) + "}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                bulk.write(source);
                bulk.write('\n');
                if (++inBulk == size) {
                    done.add(bulk.toByteArray());
                    bulk.reset();
                    inBulk = 0;
                }
            }

            List<byte[]> done() {
                if (inBulk > 0) {
                    done.add(bulk.toByteArray());
                    bulk.reset();
                    inBulk = 0;
                }
                return done;
            }
        }

        /** Segment merges left over from the job would take the raw phase's CPU. */
        private void awaitNoMerges(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode nodes = get("/_nodes/stats/indices/merges").path("nodes");
                long current = 0;
                for (JsonNode node : nodes) {
                    current +=
                            node.path("indices").path("merges").path("current").asLong(0);
                }
                if (current == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            System.out.println("[bench] merges still running after " + timeout.toSeconds() + " s; measuring anyway");
        }

        private void send(String path, byte[] bulk) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bulk))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200
                    || json.readTree(response.body()).path("errors").asBoolean(true)) {
                throw new IllegalStateException(path + ": bulk refused, HTTP " + response.statusCode());
            }
        }

        private JsonNode post(String path, String body) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        }

        private JsonNode get(String path) throws IOException, InterruptedException {
            return json.readTree(
                    http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray())
                            .body());
        }

        private URI uri(String path) {
            return URI.create(stack.elasticsearchUrl()).resolve(path);
        }
    }

    /** The production sinks with every version of a document sent: the sinks as they were before coalescing. */
    private static final class EveryVersion implements DocumentSinkFactory {

        private static final long serialVersionUID = 1L;
        private final ElasticsearchSinkFactory production;

        EveryVersion(ElasticsearchSinkFactory production) {
            this.production = production;
        }

        @Override
        public <T> Sink<T> create(String index, SerializableFunction<T, String> idOf) {
            return production.create(index, idOf);
        }
    }
}
