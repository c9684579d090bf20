package org.eldercare.api.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API shows of a person or a record: names, masked identifiers, places and times. Keyed
 * hashes, search keys and resolution internals stay in the index.
 */
final class RecipientViews {

    private static final List<String> PERSON = List.of(
            "recipientId",
            "name",
            "idNumberMasked",
            "phoneMasked",
            "birthDate",
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
            List.of("name", "idNumberMasked", "phoneMasked", "gender", "birthDate", "districtCode", "streetCode");

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
            JsonNode value = doc.get(field);
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
}
