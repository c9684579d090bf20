package org.eldercare.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every index of {@link IndexRegistry} in line with its mapping resource: creates it when
 * missing, puts the mapping when present. Safe to run at every start and from several processes at
 * once. An index without a resource is skipped with a warning; a mapping the existing index cannot
 * take (a changed field type) fails with the index and the server's reason.
 */
public final class IndexManager {

    /** What {@link #ensure(String)} did to one index. */
    public enum Outcome {
        CREATED,
        MAPPING_UPDATED,
        SKIPPED_NO_MAPPING
    }

    private static final Logger log = LoggerFactory.getLogger(IndexManager.class);

    private final ElasticsearchClient client;
    private final int replicas;

    public IndexManager(ElasticsearchClient client, ElasticsearchConfig config) {
        this.client = client;
        this.replicas = config.replicas();
    }

    /** Every index of {@link IndexRegistry#ALL}, in its order. */
    public static List<String> allIndexes() {
        return IndexRegistry.names();
    }

    /** Ensures all indexes; the map tells, per index, what was done. */
    public Map<String, Outcome> ensureAll() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String index : allIndexes()) {
            outcomes.put(index, ensure(index));
        }
        return outcomes;
    }

    /** Ensures one index. */
    public Outcome ensure(String index) {
        Optional<IndexDefinition> definition = IndexDefinition.load(index, replicas);
        if (definition.isEmpty()) {
            log.warn("Index {}: no {} on the classpath, left alone", index, IndexDefinition.resourceOf(index));
            return Outcome.SKIPPED_NO_MAPPING;
        }
        try {
            if (!exists(index) && create(definition.get())) {
                log.info("Index {}: created from {}", index, IndexDefinition.resourceOf(index));
                return Outcome.CREATED;
            }
            putMapping(definition.get());
            log.info("Index {}: exists, mapping brought up to date", index);
            return Outcome.MAPPING_UPDATED;
        } catch (IOException e) {
            throw new UncheckedIOException("Index " + index + ": Elasticsearch unreachable", e);
        } catch (ElasticsearchException e) {
            throw new IllegalStateException(
                    "Index " + index + ": " + IndexDefinition.resourceOf(index) + " rejected by Elasticsearch: "
                            + e.getMessage(),
                    e);
        }
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** False when another process created the index first. */
    private boolean create(IndexDefinition definition) throws IOException {
        try {
            client.indices()
                    .create(c -> c.index(definition.index())
                            .withJson(new StringReader(definition.createBody().toString())));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    private void putMapping(IndexDefinition definition) throws IOException {
        client.indices()
                .putMapping(p -> p.index(definition.index())
                        .withJson(new StringReader(definition.mappings().toString())));
    }
}
