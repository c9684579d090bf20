package org.eldercare.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.incident.DeviceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the documents of the growing indexes once they are older than their retention (docs/CONTRACT.md §6.8),
 * judged by each index's own time field (or fields: a document expires when any of them is old enough, and never
 * while it has none of them, as an open incident has no {@code resolvedAt}), and only among the documents matching
 * the index's {@link #ONLY} terms (a device only while {@code UNBOUND}): expired ids are searched and deleted in
 * bulk, page by page. Per document, not per index, so the indexes keep their names, mappings and writers; safe to
 * run from several API replicas at once (a document another sweep deleted first is skipped).
 */
public final class IndexRetention {

    /**
     * One index kept for {@code keep} after the dates in {@code timeFields}: a document expires once any of them is
     * older than {@code keep}; a document holding none of them is kept, and so is one that does not hold every term
     * of {@code only} (field to exact value; empty for most indexes).
     */
    public record Rule(String index, List<String> timeFields, Map<String, String> only, Duration keep) {
        public Rule {
            Objects.requireNonNull(index, "index");
            if (timeFields == null || timeFields.isEmpty()) {
                throw new IllegalArgumentException("eldercare.retention." + index + ": needs a time field");
            }
            timeFields = List.copyOf(timeFields);
            only = only == null ? Map.of() : Map.copyOf(only);
            if (keep == null || !keep.isPositive()) {
                throw new IllegalArgumentException("eldercare.retention." + index + ": must be a positive duration");
            }
        }

        /** A rule on the time fields alone. */
        public Rule(String index, List<String> timeFields, Duration keep) {
            this(index, timeFields, Map.of(), keep);
        }
    }

    /**
     * The time fields each index is judged by (docs/CONTRACT.md §6.8). Incidents and work orders by the moment they
     * ended, which an open one does not have; a family code by its revocation or its expiry, whichever came first; a
     * device by its unbinding (with {@link #ONLY} its status): {@code unboundAt}, or {@code statusSince}, which is the
     * same instant on an UNBOUND document and the only one on a document written before {@code unboundAt} existed.
     */
    public static final Map<String, List<String>> TIME_FIELDS = Map.of(
            IndexNames.REJECTIONS, List.of("rejectedAt"),
            IndexNames.AUDIT, List.of("at"),
            IndexNames.INDICATOR_HISTORY, List.of("asOf"),
            IndexNames.WORK_ORDERS, List.of("closedAt"),
            IndexNames.CALLS, List.of("receivedAt"),
            IndexNames.INCIDENTS, List.of("resolvedAt"),
            IndexNames.VISITS, List.of("visitedAt"),
            IndexNames.FAMILY_CODES, List.of("revokedAt", "expiresAt"),
            IndexNames.DEVICES, List.of("unboundAt", "statusSince"));

    /**
     * The terms a document must also hold to be aged at all (docs/CONTRACT.md §6.8): a device only while its status is
     * {@code UNBOUND}; a bound one ({@code ONLINE}, {@code SILENT}) is kept whatever its age.
     */
    public static final Map<String, Map<String, String>> ONLY =
            Map.of(IndexNames.DEVICES, Map.of("status", DeviceDocument.UNBOUND));

    private static final Logger log = LoggerFactory.getLogger(IndexRetention.class);
    static final int PAGE_SIZE = 1000;
    static final int MAX_PAGES = 500;

    private final ElasticsearchClient client;
    private final List<Rule> rules;

    public IndexRetention(ElasticsearchClient client, List<Rule> rules) {
        this.client = client;
        this.rules = List.copyOf(rules);
    }

    /** A rule for {@code index} on its field of {@link #TIME_FIELDS}. */
    public static Rule rule(String index, Duration keep) {
        List<String> fields = TIME_FIELDS.get(index);
        if (fields == null) {
            throw new IllegalArgumentException("eldercare.retention." + index + ": no retention for this index");
        }
        return new Rule(index, fields, ONLY.getOrDefault(index, Map.of()), keep);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Deletes what is older than each rule allows at {@code now}; the map tells how many per index. */
    public Map<String, Long> sweep(Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String before = now.minus(rule.keep()).toString();
            try {
                long count = sweep(rule, before);
                deleted.put(rule.index(), count);
                if (count > 0) {
                    log.info(
                            "Retention {}: deleted {} document(s) with {} before {}",
                            rule.index(),
                            count,
                            String.join(" or ", rule.timeFields()),
                            before);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Retention " + rule.index() + ": Elasticsearch unreachable", e);
            } catch (ElasticsearchException e) {
                throw new IllegalStateException("Retention " + rule.index() + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    /**
     * Pages of expired ids, each deleted in one bulk that refreshes, so the next page starts after them. Search and
     * bulk are all of the server there is on every node; {@code _delete_by_query} (the reindex module) and ILM are
     * not part of the embedded one. At most {@link #MAX_PAGES} pages a sweep; the next sweep goes on.
     */
    private long sweep(Rule rule, String before) throws IOException {
        long count = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Hit<Void>> hits = client.search(
                            s -> s.index(rule.index())
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(PAGE_SIZE)
                                    .source(src -> src.fetch(false))
                                    .trackTotalHits(t -> t.enabled(false))
                                    .query(q -> q.bool(b -> {
                                        // Any of the fields old enough; a missing field matches no range.
                                        for (String field : rule.timeFields()) {
                                            b.should(sh -> sh.range(r ->
                                                    r.date(d -> d.field(field).lt(before))));
                                        }
                                        rule.only()
                                                .forEach((field, value) -> b.filter(f -> f.term(
                                                        t -> t.field(field).value(value))));
                                        return b.minimumShouldMatch("1");
                                    })),
                            Void.class)
                    .hits()
                    .hits();
            if (hits.isEmpty()) {
                break;
            }
            BulkResponse response = client.bulk(b -> {
                for (Hit<Void> hit : hits) {
                    b.operations(op ->
                            op.delete(d -> d.index(hit.index()).id(hit.id()).routing(hit.routing())));
                }
                return b.refresh(Refresh.True);
            });
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 404) {
                    throw new IllegalStateException("Retention " + rule.index() + ": delete of " + item.id()
                            + " failed: " + item.error().reason());
                }
                if (item.status() == 200) {
                    count++;
                }
            }
            if (hits.size() < PAGE_SIZE) {
                break;
            }
        }
        return count;
    }
}
