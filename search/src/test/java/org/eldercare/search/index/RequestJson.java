package org.eldercare.search.index;

import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request body as the client would send it, as a tree that tests can look into. */
public final class RequestJson {

    private RequestJson() {}

    public static JsonNode of(JsonpSerializable request) {
        try {
            return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
