package org.eldercare.api.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API shows of a person or a record: names, masked identifiers, birth year, places and times. Keyed
 * hashes, digests, search keys and resolution internals stay in the index. Never a birth date: the masked ID
 * hides exactly its 8 date digits, so the two together would give the whole number (docs/CONTRACT.md §6.2).
 */
final class RecipientViews {

    private static final List<String> PERSON = List.of(
            "recipientId",
            "name",
            "idNumberMasked",
            "phoneMasked",
            "birthYear",
            "gender",
            "districtCode",
            "streetCode",
            "servicesCount",
            "firstSeenAt",
            "lastServiceAt",
            "mergedIds");
    private static final List<String> RECORD = List.of(
            "recordId",
            "operatorId",
            "facilityId",
            "caregiverId",
            "serviceType",
            "startedAt",
            "durationMinutes",
            "recipientId",
            "matchedOn");
    private static final List<String> RECORD_RECIPIENT =
            List.of("name", "idNumberMasked", "phoneMasked", "gender", "birthYear", "districtCode", "streetCode");

    private RecipientViews() {}

    static Map<String, Object> person(JsonNode doc) {
        return pick(doc, PERSON);
    }

    static Map<String, Object> record(JsonNode doc) {
        Map<String, Object> view = pick(doc, RECORD);
        // Records written before the person was known flat or nested: read both shapes.
        JsonNode recipient = doc.has("recipient") ? doc.path("recipient") : doc;
        view.put("recipient", pick(recipient, RECORD_RECIPIENT));
        return view;
    }

    private static Map<String, Object> pick(JsonNode doc, List<String> fields) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = field.equals("birthYear") ? birthYear(doc) : doc.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                view.put(field, items);
            } else if (value.isNumber()) {
                view.put(field, value.numberValue());
            } else {
                view.put(field, value.asText());
            }
        }
        return view;
    }

    /** The year, also of documents indexed before §6.2 that still hold a whole {@code birthDate}. */
    private static JsonNode birthYear(JsonNode doc) {
        if (doc.hasNonNull("birthYear")) {
            return doc.get("birthYear");
        }
        String date = doc.path("birthDate").asText("");
        return date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
                ? IntNode.valueOf(Integer.parseInt(date.substring(0, 4)))
                : null;
    }
}
