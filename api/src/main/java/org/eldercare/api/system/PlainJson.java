package org.eldercare.api.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a document read with the Elasticsearch client (a Jackson 2 {@link JsonNode}) into plain maps, lists and
 * values. The web layer writes responses with Spring Boot's Jackson 3, which does not know Jackson 2's tree and would
 * write its bean properties ({@code "nodeType":"OBJECT"}) instead of its content.
 */
public final class PlainJson {

    private static final ObjectMapper JACKSON_2 = new ObjectMapper();

    private PlainJson() {}

    public static Object of(JsonNode document) {
        return document == null ? null : JACKSON_2.convertValue(document, Object.class);
    }
}
