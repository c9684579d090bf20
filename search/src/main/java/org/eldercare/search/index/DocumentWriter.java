package org.eldercare.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents by id through a {@link BulkIngester}: an index operation is an upsert, so
 * writing the same id again replaces the document. Whole-request failures and items answered 429
 * or 5xx are retried with exponential backoff up to {@value #MAX_ATTEMPTS} attempts; other item
 * errors (a 400 mapping conflict) are counted as failed and logged by index and id only, since
 * documents may hold personal data.
 *
 * <p>{@link #flush()} returns once every document handed in so far is indexed or given up.
 */
public final class DocumentWriter implements AutoCloseable {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);

    private record Pending(String index, String id, Object doc, int attempt) {}

    private final BulkIngester<Pending> ingester;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "es-writer-retry");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    public DocumentWriter(ElasticsearchClient client, ElasticsearchConfig config) {
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(config.bulkActions())
                .maxSize(config.bulkBytes())
                .maxConcurrentRequests(config.bulkConcurrency())
                .flushInterval(config.bulkFlushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .listener(new Listener()));
    }

    /** Queues {@code doc} for {@code index} under {@code id}; blocks while the bulks in flight are full. */
    public void index(String index, String id, Object doc) {
        outstanding.incrementAndGet();
        submit(new Pending(index, id, doc, 1));
    }

    /** Sends what is buffered and waits until every queued document is indexed or given up. */
    public void flush() {
        while (outstanding.get() > 0) {
            ingester.flush();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Flushes, then releases the ingester; the client stays open (the caller owns it). */
    @Override
    public void close() {
        flush();
        ingester.close();
        retries.shutdownNow();
    }

    public long indexedCount() {
        return indexed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long retriedCount() {
        return retried.get();
    }

    /** Documents handed in and not yet indexed or given up, including those waiting to retry. */
    public long pendingCount() {
        return outstanding.get();
    }

    private void submit(Pending p) {
        ingester.add(op -> op.index(i -> i.index(p.index()).id(p.id()).document(p.doc())), p);
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private void retryOrGiveUp(Pending p, String reason) {
        if (p.attempt() >= MAX_ATTEMPTS) {
            giveUp(p, reason + " after " + p.attempt() + " attempts");
            return;
        }
        retried.incrementAndGet();
        Pending next = new Pending(p.index(), p.id(), p.doc(), p.attempt() + 1);
        retries.schedule(() -> submit(next), backoff(p.attempt()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(Pending p, String reason) {
        failed.incrementAndGet();
        outstanding.decrementAndGet();
        log.warn("Index {}: document {} not written: {}", p.index(), p.id(), reason);
    }

    private final class Listener implements BulkListener<Pending> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Pending p = contexts.get(i);
                if (item.error() == null) {
                    indexed.incrementAndGet();
                    outstanding.decrementAndGet();
                } else if (BulkErrors.retriable(item.status())) {
                    retryOrGiveUp(p, BulkErrors.describe(item.status(), item.error()));
                } else {
                    giveUp(p, BulkErrors.describe(item.status(), item.error()));
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            log.warn("Bulk of {} documents failed, retrying: {}", contexts.size(), failure.toString());
            contexts.forEach(p -> retryOrGiveUp(p, failure.toString()));
        }
    }
}
