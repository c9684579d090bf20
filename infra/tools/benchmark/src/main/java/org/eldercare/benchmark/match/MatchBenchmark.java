package org.eldercare.benchmark.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.benchmark.common.BenchStack;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.benchmark.intake.AppProcess;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.infra.stack.LocalStackProperty;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.DocumentWriter;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.match.ElasticsearchCandidateSource;
import org.eldercare.search.match.MatchRequest;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.tools.evaluation.BenchmarkCorpus;

/**
 * Recipient matching at scale (issue 5): {@code --records} recipient documents from the evaluation generator indexed
 * into the embedded Elasticsearch node through {@link DocumentWriter} (records/s), then {@code --queries} noisy
 * hotline queries through {@link RecipientMatcher} with {@link ElasticsearchCandidateSource}, one at a time after a
 * warm-up; p50/p99 of the whole match call. Goal: p99 under 50 ms with 1,000,000 records.
 *
 * <p>{@code --over http} measures what a hotline waits for instead: the app is started as a black box (streaming
 * off), the documents go into its own Elasticsearch node, and each query is a {@code POST /api/v1/recipients/match}
 * with the hotline's token, so authentication, JSON and the audit entry written before the answer are included.
 */
public final class MatchBenchmark {

    private static final double GOAL_P99_MILLIS = 50;
    private static final int CHUNK = 20_000;

    private MatchBenchmark() {}

    /** The key the app's local profile hashes with (application-local.yml): documents must hash as its queries. */
    private static final String APP_HMAC_KEY = "eldercare-demo-hmac-key-change-me";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int records = options.integer("records", 1_000_000);
        int queries = options.integer("queries", 2_000);
        int warmup = options.integer("warmup-queries", 2_000);
        String esHeap = options.string("es-heap", "2g");
        String appHeap = options.string("app-heap", "2g");
        String over = options.string("over", "direct");
        long seed = options.number("seed", 5);
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        if (!over.equals("direct") && !over.equals("http")) {
            throw new IllegalArgumentException("--over: direct or http, was " + over);
        }
        boolean http = over.equals("http");
        Path root = Path.of(Settings.systemProperties().get(LocalStackProperty.ROOT))
                .toAbsolutePath()
                .normalize();
        try (WorkDir dir = WorkDir.create("match", keep)) {
            AppProcess app = null;
            LocalStack stack = null;
            try {
                String esUrl;
                if (http) {
                    // The app with its own stack, streaming off: the match endpoint, its audit write and the node.
                    // The app's node gets --es-heap too, so both modes search the same index on the same heap.
                    app = AppProcess.start(
                            root, dir.path(), appHeap, false, List.of("--eldercare.elasticsearch.heap=" + esHeap));
                    app.awaitHealthy(Duration.ofMinutes(5));
                    esUrl = app.elasticsearchUrl().toString();
                } else {
                    stack = BenchStack.start(dir, "256m", esHeap);
                    esUrl = stack.elasticsearchUrl();
                }
                load(esUrl, http, app, records, queries, warmup, seed, (http ? "the app's, " : "") + "-Xmx" + esHeap);
            } finally {
                if (app != null) {
                    app.close();
                }
                if (stack != null) {
                    stack.close();
                }
            }
        }
        System.exit(0);
    }

    private static void load(
            String esUrl, boolean http, AppProcess app, int records, int queries, int warmup, long seed, String esHeap)
            throws Exception {
        ElasticsearchConfig config = ElasticsearchConfig.forUrl(esUrl);
        ElasticsearchClient client = Elasticsearch.client(config);
        try {
            new IndexManager(client, config).ensure(IndexNames.RECIPIENTS);
            Regions regions = Regions.load();
            RecipientNormalizer normalizer = new RecipientNormalizer(
                    Pii.withKey(http ? APP_HMAC_KEY : "benchmark-only-key-0001"), new Addresses(regions));
            BenchmarkCorpus corpus = new BenchmarkCorpus(regions, normalizer);
            int chunks = Math.max(1, (records + CHUNK - 1) / CHUNK);
            int queriesPerChunk = (queries + warmup + chunks - 1) / chunks;
            List<MatchRequest> requests = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            long generationNanos = 0;
            long indexed = 0;
            long begin = System.nanoTime();
            try (DocumentWriter writer = new DocumentWriter(client, config)) {
                for (int c = 0; c < chunks && indexed < records; c++) {
                    long g = System.nanoTime();
                    BenchmarkCorpus.Chunk chunk = corpus.chunk(seed, c, CHUNK, queriesPerChunk);
                    generationNanos += System.nanoTime() - g;
                    for (RecipientDocument d : chunk.documents()) {
                        if (indexed++ < records) {
                            writer.index(IndexNames.RECIPIENTS, d.recipientId(), d);
                        }
                    }
                    requests.addAll(chunk.queries());
                    expected.addAll(chunk.expected());
                    if (c % 5 == 4) {
                        System.out.printf(
                                "[bench] %,d documents handed to the writer, %,d indexed%n",
                                indexed, writer.indexedCount());
                    }
                }
                writer.flush();
                double seconds = (System.nanoTime() - begin) / 1e9;
                long failed = writer.failedCount();
                client.indices().refresh(r -> r.index(IndexNames.RECIPIENTS));
                awaitMergesDone(client);
                long count = client.count(r -> r.index(IndexNames.RECIPIENTS)).count();
                Matching matching = http
                        ? overHttp(app.baseUrl())
                        : direct(new RecipientMatcher(
                                normalizer, new ElasticsearchCandidateSource(client), ResolutionThresholds.DEFAULT));
                run(
                        matching,
                        http,
                        requests,
                        expected,
                        warmup,
                        queries,
                        records,
                        count,
                        failed,
                        seconds,
                        generationNanos / 1e9,
                        esHeap);
            }
        } finally {
            client._transport().close();
        }
    }

    /**
     * Waits until the node has no merge of {@code recipients} running (two polls in a row, at most 10 minutes): right
     * after a bulk load of a million documents Lucene merges segments for minutes, which a district's index in steady
     * state does not do, and searches queued behind those merges would be measured as the match's tail.
     */
    private static void awaitMergesDone(ElasticsearchClient client) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Long running = client.indices()
                    .stats(s -> s.index(IndexNames.RECIPIENTS))
                    .all()
                    .total()
                    .merges()
                    .current();
            quiet = running == null || running == 0 ? quiet + 1 : 0;
            if (quiet < 2) {
                Thread.sleep(1000);
            }
        }
        System.out.printf(
                "[bench] segment merges after the load: done after %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** One match, as the benchmark sees it: the candidates' ids and decisions, best first. */
    private interface Matching {
        List<Found> match(MatchRequest request) throws Exception;

        /** Where the time went inside the app, from its own timers; empty when matching in process. */
        default String insideTheApp() throws Exception {
            return "";
        }

        /** The last answer's {@code Server-Timing} steps in ms (match, audit); empty when matching in process. */
        default Map<String, Double> lastTiming() {
            return Map.of();
        }
    }

    private record Found(String recipientId, String decision) {}

    private static Matching direct(RecipientMatcher matcher) {
        return request -> matcher.match(request).stream()
                .map(c -> new Found(c.recipientId(), c.decision().name()))
                .toList();
    }

    /**
     * {@code POST /api/v1/recipients/match} with the hotline's token over HTTP/1.1 keep-alive: authentication, the
     * match and the audit entry the app writes before it answers (docs/CONTRACT.md §4, §6.2) are all in the time.
     */
    private static Matching overHttp(URI base) {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = Elasticsearch.objectMapper();
        URI uri = base.resolve("/api/v1/recipients/match");
        return new Matching() {
            private Map<String, Double> timing = Map.of();

            @Override
            public Map<String, Double> lastTiming() {
                return timing;
            }

            @Override
            public List<Found> match(MatchRequest request) throws Exception {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer demo-hotline")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("match: HTTP " + response.statusCode() + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                timing = serverTiming(
                        response.headers().firstValue("Server-Timing").orElse(""));
                List<Found> found = new ArrayList<>();
                for (JsonNode c : json.readTree(response.body()).path("candidates")) {
                    found.add(new Found(
                            c.path("recipientId").asText(), c.path("decision").asText()));
                }
                return found;
            }

            /** The app's match and audit-write timers (p50/p99 over the last minutes), read as an admin. */
            @Override
            public String insideTheApp() throws Exception {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                                .header("Authorization", "Bearer demo-admin")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return "app metrics unavailable (HTTP " + response.statusCode() + ")";
                }
                return String.format(
                        Locale.ROOT,
                        "match p50 %s, p99 %s; audit write p50 %s, p99 %s",
                        quantile(response.body(), "eldercare_recipients_match_seconds", "0.5"),
                        quantile(response.body(), "eldercare_recipients_match_seconds", "0.99"),
                        quantile(response.body(), "eldercare_audit_write_seconds", "0.5"),
                        quantile(response.body(), "eldercare_audit_write_seconds", "0.99"));
            }
        };
    }

    /** The fields a question gave, e.g. "name+phone+birthDate": never their values. */
    static String given(MatchRequest r) {
        List<String> fields = new ArrayList<>(List.of("name"));
        if (r.idNumber() != null) {
            fields.add("idNumber");
        }
        if (r.phone() != null) {
            fields.add("phone");
        }
        if (r.birthDate() != null) {
            fields.add("birthDate");
        }
        if (r.address() != null) {
            fields.add("address");
        }
        if (r.location() != null) {
            fields.add("location");
        }
        return String.join("+", fields);
    }

    /** {@code match;dur=12.3, audit;dur=4.1} as step → ms; steps without a duration are left out. */
    static Map<String, Double> serverTiming(String header) {
        Map<String, Double> steps = new LinkedHashMap<>();
        for (String entry : header.split(",")) {
            String[] parts = entry.trim().split(";");
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].trim().startsWith("dur=")) {
                    steps.put(
                            parts[0].trim(), Double.parseDouble(parts[i].trim().substring(4)));
                }
            }
        }
        return steps;
    }

    /**
     * Where the slowest 1% of requests spent their time, from each answer's Server-Timing: the app's match, its
     * audit write, and the rest (HTTP, security, JSON, queueing for a core). Empty when matching in process.
     */
    static String slowestSplit(List<double[]> samples) {
        if (samples.isEmpty()) {
            return "";
        }
        List<double[]> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingDouble((double[] s) -> -s[0]));
        int n = Math.max(1, sorted.size() / 100);
        double total = 0, match = 0, audit = 0;
        for (double[] s : sorted.subList(0, n)) {
            total += s[0];
            match += s[1];
            audit += s[2];
        }
        return String.format(
                Locale.ROOT,
                "%d slowest: mean %.1f ms = match %.1f + audit write %.1f + HTTP, security, JSON and waiting %.1f",
                n,
                total / n,
                match / n,
                audit / n,
                (total - match - audit) / n);
    }

    /** One quantile of a Micrometer timer from the Prometheus text format, in ms; "?" when absent. */
    static String quantile(String prometheus, String metric, String quantile) {
        String marker = "quantile=\"" + quantile + "\"";
        return prometheus
                .lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains(marker))
                .findFirst()
                .map(l -> String.format(
                        Locale.ROOT, "%.1f ms", Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) * 1000))
                .orElse("?");
    }

    private static void run(
            Matching matcher,
            boolean http,
            List<MatchRequest> requests,
            List<String> expected,
            int warmup,
            int queries,
            int records,
            long count,
            long failed,
            double indexSeconds,
            double generationSeconds,
            String esHeap)
            throws Exception {
        int total = Math.min(requests.size(), warmup + queries);
        for (int i = 0; i < Math.min(warmup, total); i++) {
            matcher.match(requests.get(i));
        }
        Latencies latencies = new Latencies();
        List<double[]> split = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        int known = 0, top1 = 0, absent = 0, falseMatch = 0;
        for (int i = warmup; i < total; i++) {
            long t = System.nanoTime();
            List<Found> found = matcher.match(requests.get(i));
            long elapsed = System.nanoTime() - t;
            latencies.record(elapsed);
            Map<String, Double> timing = matcher.lastTiming();
            if (timing.containsKey("match")) {
                split.add(new double[] {elapsed / 1e6, timing.get("match"), timing.getOrDefault("audit", 0.0)});
                asked.add(given(requests.get(i)) + ", " + found.size() + " candidates");
            }
            String truth = expected.get(i);
            if (truth == null) {
                absent++;
                falseMatch += found.stream().anyMatch(c -> c.decision().equals("MATCH")) ? 1 : 0;
            } else {
                known++;
                top1 += !found.isEmpty() && found.getFirst().recipientId().equals(truth) ? 1 : 0;
            }
        }
        double p99 = latencies.millisAt(0.99);
        String inside = matcher.insideTheApp();
        Report report = new Report(http ? "recipient matching over HTTP" : "recipient matching on Elasticsearch")
                .line(
                        "parameters",
                        "%,d recipient documents (evaluation generator, chunks of %,d persons, noisy records folded by truth), embedded node %s, %d warm-up + %,d measured queries, one at a time%s",
                        records,
                        CHUNK,
                        esHeap,
                        Math.min(warmup, total),
                        total - Math.min(warmup, total),
                        http
                                ? ", each POST /api/v1/recipients/match to the app (token demo-hotline, audit write included)"
                                : ", RecipientMatcher in process")
                .line(
                        "indexing",
                        "%,.0f records/s through DocumentWriter (%,d in the index, %,d failed, %.0f s; generation took %.0f s of it on the same thread)",
                        records / indexSeconds,
                        count,
                        failed,
                        indexSeconds,
                        generationSeconds)
                .line(http ? "match over HTTP" : "match", "%s", latencies.summary())
                .line(
                        "sanity",
                        "top-1 right for %.1f%% of %,d queries about indexed persons; MATCH for %d of %,d queries about absent persons",
                        known == 0 ? 0 : 100.0 * top1 / known,
                        known,
                        falseMatch,
                        absent)
                .goal(
                        String.format(Locale.ROOT, "p99 < %.0f ms with 1,000,000 records", GOAL_P99_MILLIS),
                        p99 < GOAL_P99_MILLIS && records >= 1_000_000,
                        String.format(
                                Locale.ROOT,
                                "p99 %.1f ms%s",
                                p99,
                                records >= 1_000_000 ? "" : " with only " + records + " records: not a verdict"));
        if (!inside.isEmpty()) {
            report.line("inside the app", "%s", inside);
        }
        String slowest = slowestSplit(split);
        if (!slowest.isEmpty()) {
            report.line("slowest 1%", "%s", slowest);
            // Which questions were slow: a query-dependent tail shows as a pattern here, contention as none.
            Integer[] order = new Integer[split.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> -split.get(i)[0]));
            for (int k = 0; k < Math.max(1, split.size() / 100); k++) {
                double[] s = split.get(order[k]);
                report.line(
                        "  slow #" + (k + 1),
                        "%.1f ms (match %.1f, audit %.1f): %s",
                        s[0],
                        s[1],
                        s[2],
                        asked.get(order[k]));
            }
        }
        report.print();
    }
}
