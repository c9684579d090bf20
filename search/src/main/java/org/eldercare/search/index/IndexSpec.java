package org.eldercare.search.index;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Elasticsearch index of the platform: its name, the classpath resource of its definition, and its id rule, the
 * one function that builds the id of a document. Writers and readers take ids from {@link #id} so an index never has
 * two id schemes; ids are deterministic wherever a replay must overwrite instead of doubling (docs/CONTRACT.md §6.9).
 * Serializable, so a Flink sink may hold {@code spec::id}.
 *
 * @param idRule what the id is, for people
 * @param flushWithin for an index someone watches live, the longest a written document may wait in a writer's
 *     partial bulk; null for the writer's own interval ({@code eldercare.elasticsearch.bulk-flush-interval})
 * @param <D> what a writer holds when it writes a document
 */
public record IndexSpec<D>(String name, String mappingResource, String idRule, IdRule<D> idOf, Duration flushWithin)
        implements Serializable {

    /** The id of a document; serializable, as Flink ships it to the sink. */
    @FunctionalInterface
    public interface IdRule<D> extends Function<D, String>, Serializable {}

    public IndexSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mappingResource, name + ": mappingResource");
        Objects.requireNonNull(idOf, name + ": idOf");
    }

    /** An index whose definition is {@link #mappingResourceOf(String) mappings/<name>.json}. */
    static <D> IndexSpec<D> of(String name, String idRule, IdRule<D> idOf) {
        return new IndexSpec<>(name, mappingResourceOf(name), idRule, idOf, null);
    }

    /** This index with writers that send a partial bulk after at most {@code wait}: for a live view (e.g. §9.7). */
    IndexSpec<D> flushedWithin(Duration wait) {
        return new IndexSpec<>(name, mappingResource, idRule, idOf, wait);
    }

    /** Where the definition of the index {@code name} lives on the classpath: {@code mappings/<name>.json}. */
    public static String mappingResourceOf(String name) {
        return "mappings/" + name + ".json";
    }

    /** The id of {@code document}: the only way a writer of this index builds one. */
    public String id(D document) {
        return idOf.apply(document);
    }

    @Override
    public String toString() {
        return name;
    }
}
