package org.eldercare.api.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.List;

/** The request's events as text, rendered only for the ones that are asked for. */
final class LazyRawEvents extends AbstractList<String> {

    private static final int MAX_CHARS = 64 * 1024;
    private final List<JsonNode> nodes;

    LazyRawEvents(List<JsonNode> nodes) {
        this.nodes = nodes;
    }

    @Override
    public String get(int index) {
        String text = nodes.get(index).toString();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    @Override
    public int size() {
        return nodes.size();
    }
}
