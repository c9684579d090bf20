package org.eldercare.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.ingest.codec.Rfc3339;
import org.eldercare.ingest.event.GeoPoint;

/**
 * Typed reads of the fields of one JSON object. A field that breaks its rule adds {@code "path: rule"}
 * to the shared error list and reads as null (or 0), so one pass collects every error of an event.
 * A JSON {@code null} counts as absent. Rule texts never include the offending value.
 */
final class Fields {

    static final String REQUIRED = "is required";

    private final JsonNode object;
    private final String path;
    private final List<String> errors;
    private final int errorsBefore;

    Fields(JsonNode object, String path, List<String> errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    /** True if no field read through this object (or its nested objects) has failed so far. */
    boolean clean() {
        return errors.size() == errorsBefore;
    }

    int errorCount() {
        return errors.size();
    }

    /** An error about this object as a whole. */
    void error(String rule) {
        errors.add((path.isEmpty() ? "$" : path) + ": " + rule);
    }

    void error(String field, String rule) {
        errors.add((path.isEmpty() ? field : path + "." + field) + ": " + rule);
    }

    /** The field's node, or null when it is missing or JSON null. */
    JsonNode node(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** A string of 1 to {@code max} characters that is not blank. */
    String text(String field, int max, boolean required) {
        String value = string(field, required);
        if (value == null) {
            return null;
        }
        if (!Text.lengthBetween(value, 1, max)) {
            error(field, "must be 1 to " + max + " characters");
        } else if (value.isBlank()) {
            error(field, "must not be blank");
        } else {
            return value;
        }
        return null;
    }

    /** An identifier: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
    String code(String field, boolean required) {
        String value = string(field, required);
        if (value != null && !Text.isCode(value, Limits.CODE_MAX, false)) {
            error(field, "must be 1 to " + Limits.CODE_MAX + " characters of A-Z, a-z, 0-9, _ and -");
            return null;
        }
        return value;
    }

    /** Exactly {@code count} ASCII digits. */
    String digits(String field, int count) {
        String value = string(field, true);
        if (value != null && !Text.isDigits(value, count)) {
            error(field, "must be " + count + " digits");
            return null;
        }
        return value;
    }

    /** A JSON string that is well-formed Unicode, any length. */
    String string(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                error(field, REQUIRED);
            }
            return null;
        }
        if (!node.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (!Text.isWellFormed(value)) {
            error(field, "must be valid Unicode text");
            return null;
        }
        return value;
    }

    int requiredInt(String field, int min, int max) {
        return (int) integer(field, min, max, true, 0);
    }

    int optionalInt(String field, int min, int max, int defaultValue) {
        return (int) integer(field, min, max, false, defaultValue);
    }

    /** A whole number (3 and 3.0 alike, as JSON Schema's {@code integer}) within [min, max]. */
    long integer(String field, long min, long max, boolean required, long defaultValue) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                error(field, REQUIRED);
            }
            return defaultValue;
        }
        if (!node.isNumber() || !isWhole(node)) {
            error(field, "must be an integer");
            return defaultValue;
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            error(field, max == Long.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
            return defaultValue;
        }
        return node.longValue();
    }

    private static boolean isWhole(JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value);
    }

    boolean bool(String field) {
        JsonNode node = node(field);
        if (node == null) {
            error(field, REQUIRED);
        } else if (!node.isBoolean()) {
            error(field, "must be true or false");
        } else {
            return node.booleanValue();
        }
        return false;
    }

    <E extends Enum<E>> E choice(String field, Choice<E> choice, E defaultValue) {
        String name = string(field, defaultValue == null);
        if (name == null) {
            return defaultValue;
        }
        E value = choice.find(name);
        if (value == null) {
            error(field, choice.rule());
        }
        return value;
    }

    /** A position inside Beijing's bounding box. */
    GeoPoint location(String field, boolean required) {
        Fields point = object(field, required);
        if (point == null) {
            return null;
        }
        double lat = point.decimal("lat", Limits.LAT_MIN, Limits.LAT_MAX);
        double lon = point.decimal("lon", Limits.LON_MIN, Limits.LON_MAX);
        return point.clean() ? new GeoPoint(lat, lon) : null;
    }

    /** A required number between {@code min} and {@code max}; NaN (with the error) otherwise. */
    double number(String field, double min, double max) {
        return decimal(field, min, max);
    }

    private double decimal(String field, double min, double max) {
        JsonNode node = node(field);
        if (node == null) {
            error(field, REQUIRED);
        } else if (!node.isNumber()) {
            error(field, "must be a number");
        } else if (!(node.doubleValue() >= min && node.doubleValue() <= max)) {
            error(field, "must be between " + min + " and " + max);
        } else {
            return node.doubleValue();
        }
        return Double.NaN;
    }

    /**
     * A required JSON number within [min, max] with at most {@code maxDecimals} digits after the point (3 and 3.000
     * alike).
     */
    double number(String field, double min, double max, int maxDecimals) {
        JsonNode node = node(field);
        if (node == null) {
            error(field, REQUIRED);
        } else if (!node.isNumber()) {
            error(field, "must be a number");
        } else if (!(node.doubleValue() >= min && node.doubleValue() <= max)) {
            error(field, "must be between " + plain(min) + " and " + plain(max));
        } else if (node.decimalValue().stripTrailingZeros().scale() > maxDecimals) {
            error(field, "must have at most " + maxDecimals + " decimals");
        } else {
            return node.doubleValue();
        }
        return Double.NaN;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    OffsetDateTime dateTime(String field) {
        String value = string(field, true);
        if (value == null) {
            return null;
        }
        OffsetDateTime time = Rfc3339.parseDateTime(value);
        if (time == null) {
            error(field, "must be an RFC 3339 date-time with offset, like 2026-11-23T10:15:30+08:00");
        }
        return time;
    }

    /** An optional {@code yyyy-MM-dd} date within [earliest, latest]. */
    LocalDate date(String field, LocalDate earliest, LocalDate latest) {
        String value = string(field, false);
        if (value == null) {
            return null;
        }
        LocalDate date = Rfc3339.parseDate(value);
        if (date == null) {
            error(field, "must be a date like 1950-03-01 (yyyy-MM-dd)");
        } else if (date.isAfter(latest)) {
            error(field, "must not be in the future");
        } else if (date.isBefore(earliest)) {
            error(field, "must not be before " + earliest);
        } else {
            return date;
        }
        return null;
    }

    /** The nested object, read with paths prefixed by this field's path. */
    Fields object(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                error(field, REQUIRED);
            }
            return null;
        }
        if (!node.isObject()) {
            error(field, "must be an object");
            return null;
        }
        return new Fields(node, path.isEmpty() ? field : path + "." + field, errors);
    }

    /** The names of this object's fields, in order. */
    java.util.Iterator<String> fieldNames() {
        return object.fieldNames();
    }

    /**
     * An optional array of at most {@code max} objects, each read with the path {@code field[i]}; an empty list when
     * the field is missing, null when it breaks a rule.
     */
    List<Fields> objects(String field, int max) {
        JsonNode node = node(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            error(field, "must be an array");
            return null;
        }
        if (node.size() > max) {
            error(field, "must hold at most " + max + " items");
            return null;
        }
        String prefix = path.isEmpty() ? field : path + "." + field;
        List<Fields> items = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(prefix + "[" + i + "]: must be an object");
                continue;
            }
            items.add(new Fields(item, prefix + "[" + i + "]", errors));
        }
        return items;
    }

    /** How many of these fields are present (not missing, not null). */
    int countPresent(String... fields) {
        int count = 0;
        for (String field : fields) {
            if (node(field) != null) {
                count++;
            }
        }
        return count;
    }
}
