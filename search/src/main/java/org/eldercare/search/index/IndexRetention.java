package org.eldercare.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Conflicts;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eldercare.search.document.IndexNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the documents of the growing log indexes once they are older than their retention (docs/CONTRACT.md
 * §6.8): a {@code _delete_by_query} on each index's own time field. Per document, not per index, so the indexes
 * keep their names, mappings and writers; safe to run from several API replicas at once (a document another
 * sweep deleted first is skipped).
 */
public final class IndexRetention {

    /** One index kept for {@code keep}, judged by the date in {@code timeField}. */
    public record Rule(String index, String timeField, Duration keep) {
        public Rule {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(timeField, "timeField");
            if (keep == null || !keep.isPositive()) {
                throw new IllegalArgumentException("eldercare.retention." + index + ": must be a positive duration");
            }
        }
    }

    /** The time field each log index is judged by. */
    public static final Map<String, String> TIME_FIELDS = Map.of(
            IndexNames.REJECTIONS, "rejectedAt",
            IndexNames.AUDIT, "at",
            IndexNames.INDICATOR_HISTORY, "asOf");

    private static final Logger log = LoggerFactory.getLogger(IndexRetention.class);

    private final ElasticsearchClient client;
    private final List<Rule> rules;

    public IndexRetention(ElasticsearchClient client, List<Rule> rules) {
        this.client = client;
        this.rules = List.copyOf(rules);
    }

    /** A rule for {@code index} on its field of {@link #TIME_FIELDS}. */
    public static Rule rule(String index, Duration keep) {
        String field = TIME_FIELDS.get(index);
        if (field == null) {
            throw new IllegalArgumentException("eldercare.retention." + index + ": no retention for this index");
        }
        return new Rule(index, field, keep);
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
                var response = client.deleteByQuery(d -> d.index(rule.index())
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .conflicts(Conflicts.Proceed)
                        .query(q -> q.range(
                                r -> r.date(t -> t.field(rule.timeField()).lt(before)))));
                long count = response.deleted() == null ? 0 : response.deleted();
                deleted.put(rule.index(), count);
                if (count > 0) {
                    log.info(
                            "Retention {}: deleted {} document(s) with {} before {}",
                            rule.index(),
                            count,
                            rule.timeField(),
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
}
