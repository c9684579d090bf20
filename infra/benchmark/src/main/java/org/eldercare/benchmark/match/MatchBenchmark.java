package org.eldercare.benchmark.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eldercare.benchmark.common.BenchStack;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.eval.BenchmarkCorpus;
import org.eldercare.search.index.DocumentWriter;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.match.ElasticsearchCandidateSource;
import org.eldercare.search.match.MatchCandidate;
import org.eldercare.search.match.MatchRequest;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.ResolutionThresholds;

/**
 * Recipient matching at scale (issue 5): {@code --records} recipient documents from the evaluation generator indexed
 * into the embedded Elasticsearch node through {@link DocumentWriter} (records/s), then {@code --queries} noisy
 * hotline queries through {@link RecipientMatcher} with {@link ElasticsearchCandidateSource}, one at a time after a
 * warm-up; p50/p99 of the whole match call. Goal: p99 under 50 ms with 1,000,000 records.
 */
public final class MatchBenchmark {

    private static final double GOAL_P99_MILLIS = 50;
    private static final int CHUNK = 20_000;

    private MatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int records = options.integer("records", 1_000_000);
        int queries = options.integer("queries", 2_000);
        int warmup = options.integer("warmup-queries", 300);
        String esHeap = options.string("es-heap", "2g");
        long seed = options.number("seed", 5);
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        try (WorkDir dir = WorkDir.create("match", keep);
                LocalStack stack = BenchStack.start(dir, "256m", esHeap)) {
            ElasticsearchConfig config = ElasticsearchConfig.forUrl(stack.elasticsearchUrl());
            ElasticsearchClient client = Elasticsearch.client(config);
            try {
                new IndexManager(client, config).ensure(IndexNames.RECIPIENTS);
                Regions regions = Regions.load();
                RecipientNormalizer normalizer =
                        new RecipientNormalizer(Pii.withKey("benchmark-only-key-0001"), new Addresses(regions));
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
                    long count =
                            client.count(r -> r.index(IndexNames.RECIPIENTS)).count();
                    run(
                            client,
                            normalizer,
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
        System.exit(0);
    }

    private static void run(
            ElasticsearchClient client,
            RecipientNormalizer normalizer,
            List<MatchRequest> requests,
            List<String> expected,
            int warmup,
            int queries,
            int records,
            long count,
            long failed,
            double indexSeconds,
            double generationSeconds,
            String esHeap) {
        RecipientMatcher matcher = new RecipientMatcher(
                normalizer, new ElasticsearchCandidateSource(client), ResolutionThresholds.DEFAULT);
        int total = Math.min(requests.size(), warmup + queries);
        for (int i = 0; i < Math.min(warmup, total); i++) {
            matcher.match(requests.get(i));
        }
        Latencies latencies = new Latencies();
        int known = 0, top1 = 0, absent = 0, falseMatch = 0;
        for (int i = warmup; i < total; i++) {
            long t = System.nanoTime();
            List<MatchCandidate> found = matcher.match(requests.get(i));
            latencies.record(System.nanoTime() - t);
            String truth = expected.get(i);
            if (truth == null) {
                absent++;
                falseMatch += found.stream().anyMatch(c -> c.decision().name().equals("MATCH")) ? 1 : 0;
            } else {
                known++;
                top1 += !found.isEmpty() && found.getFirst().recipientId().equals(truth) ? 1 : 0;
            }
        }
        double p99 = latencies.millisAt(0.99);
        new Report("recipient matching on Elasticsearch")
                .line(
                        "parameters",
                        "%,d recipient documents (evaluation generator, chunks of %,d persons, noisy records folded by truth), embedded node -Xmx%s, %d warm-up + %,d measured queries, one at a time",
                        records,
                        CHUNK,
                        esHeap,
                        Math.min(warmup, total),
                        total - Math.min(warmup, total))
                .line(
                        "indexing",
                        "%,.0f records/s through DocumentWriter (%,d in the index, %,d failed, %.0f s; generation took %.0f s of it on the same thread)",
                        records / indexSeconds,
                        count,
                        failed,
                        indexSeconds,
                        generationSeconds)
                .line("match", "%s", latencies.summary())
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
                                records >= 1_000_000 ? "" : " with only " + records + " records: not a verdict"))
                .print();
    }
}
