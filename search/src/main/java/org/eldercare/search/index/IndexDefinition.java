package org.eldercare.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The definition of one index as kept in the classpath resource {@code mappings/<name>.json}:
 * either a create-index body ({@code {"settings": …, "mappings": …}}) or a bare mapping ({@code
 * {"properties": …}}). The replica count always comes from configuration, not the file.
 */
record IndexDefinition(String index, ObjectNode createBody, ObjectNode mappings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mapping resource {@link IndexRegistry} names for {@code index}; the same rule for an unregistered name. */
    static String resourceOf(String index) {
        return IndexRegistry.byName(index).map(IndexSpec::mappingResource).orElse(IndexSpec.mappingResourceOf(index));
    }

    /** Loads the definition, or empty when the resource does not exist. */
    static Optional<IndexDefinition> load(String index, int replicas) {
        try (InputStream in = IndexDefinition.class.getClassLoader().getResourceAsStream(resourceOf(index))) {
            return in == null ? Optional.empty() : Optional.of(parse(index, JSON.readTree(in), replicas));
        } catch (IOException e) {
            throw new UncheckedIOException(resourceOf(index) + ": is not valid JSON", e);
        }
    }

    static IndexDefinition parse(String index, JsonNode json, int replicas) {
        if (!(json instanceof ObjectNode root)) {
            throw new IllegalArgumentException(resourceOf(index) + ": must be a JSON object");
        }
        ObjectNode body = root.has("mappings") ? root.deepCopy() : wrap(root);
        if (!(body.get("mappings") instanceof ObjectNode mappings)) {
            throw new IllegalArgumentException(resourceOf(index) + ": mappings must be a JSON object");
        }
        ObjectNode settings = body.has("settings") ? (ObjectNode) body.get("settings") : body.putObject("settings");
        ObjectNode indexSettings =
                settings.has("index") ? (ObjectNode) settings.get("index") : settings.putObject("index");
        indexSettings.put("number_of_replicas", replicas);
        return new IndexDefinition(index, body, mappings);
    }

    private static ObjectNode wrap(ObjectNode mappings) {
        ObjectNode body = JSON.createObjectNode();
        body.set("mappings", mappings.deepCopy());
        return body;
    }
}
