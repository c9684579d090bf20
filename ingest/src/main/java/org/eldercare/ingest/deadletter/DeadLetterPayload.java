package org.eldercare.ingest.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code payload} a dead letter may keep of a rejected record (docs/CONTRACT.md §6.5): bounded,
 * truncated and redacted, whatever the record's size or bytes.
 *
 * <ul>
 *   <li>A record that parses as a JSON object keeps its envelope and {@code data}, but every field of
 *       {@code data.recipient} is replaced by {@code "[redacted]"}: a dead letter is for finding what
 *       was wrong with an event, and the recipient's identity never is.
 *   <li>Anywhere in what is kept, a run of 7 or more digits (an ID number, a phone) keeps only its last
 *       4, e.g. {@code ***8664}: no more than docs/CONTRACT.md §6 lets any role see.
 *   <li>What is kept is at most {@link #MAX_CHARS} characters; longer is cut and says how long the
 *       record was. A record that is not a JSON object keeps at most {@link #MAX_RAW_CHARS} characters.
 * </ul>
 *
 * So one record, of any size, costs at most one dead letter of a few kilobytes: far below Kafka's
 * record limit and the Elasticsearch sink's request limit.
 */
public final class DeadLetterPayload {

    /** Most characters kept of a JSON record. */
    public static final int MAX_CHARS = 8 * 1024;

    /** Most characters kept of a record that is not a JSON object. */
    public static final int MAX_RAW_CHARS = 1024;

    /** Records larger than this are not parsed at all, only cut. */
    static final int MAX_PARSED_CHARS = 2 * 1024 * 1024;

    static final String REDACTED = "[redacted]";
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{7,}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetterPayload() {}

    /** The payload to keep of {@code raw}; null stays null. */
    public static String of(String raw) {
        return raw == null ? null : bounded(raw, raw.length());
    }

    /** The same for a record read as bytes; bytes that are not UTF-8 become replacement characters. */
    public static String of(byte[] raw) {
        if (raw == null) {
            return null;
        }
        // Decoding past the parse bound would only be thrown away.
        int keep = Math.min(raw.length, MAX_PARSED_CHARS + 1);
        return bounded(new String(raw, 0, keep, StandardCharsets.UTF_8), raw.length);
    }

    private static String bounded(String text, int originalLength) {
        JsonNode tree = text.length() <= MAX_PARSED_CHARS ? parse(text) : null;
        if (tree instanceof ObjectNode event) {
            redactRecipient(event);
            return cut(maskDigits(event.toString()), MAX_CHARS, originalLength);
        }
        // Twice the bound, so a digit run crossing the cut is still whole when it is masked.
        String head = text.length() > MAX_RAW_CHARS * 2 ? text.substring(0, MAX_RAW_CHARS * 2) : text;
        return cut(maskDigits(head), MAX_RAW_CHARS, originalLength);
    }

    private static JsonNode parse(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (Exception e) {
            return null;
        }
    }

    private static void redactRecipient(ObjectNode event) {
        if (event.get("data") instanceof ObjectNode data && data.get("recipient") instanceof ObjectNode recipient) {
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            recipient.properties().iterator();
                    it.hasNext(); ) {
                it.next().setValue(event.textNode(REDACTED));
            }
        }
    }

    static String maskDigits(String text) {
        Matcher m = LONG_DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String run = m.group();
            m.appendReplacement(out, "***" + run.substring(run.length() - 4));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cut(String text, int max, int originalLength) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…[cut: record was " + originalLength + " characters]";
    }
}
