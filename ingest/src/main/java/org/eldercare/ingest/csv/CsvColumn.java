package org.eldercare.ingest.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One importable column: its header name, the JSON path it fills (envelope attribute or dotted
 * path inside {@code data}) and how its text becomes a JSON value.
 */
record CsvColumn(String name, Type type, boolean envelope, String description) {

    enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN
    }

    /** The JSON path segments from the event root, e.g. {@code [data, location, lat]}. */
    String[] path() {
        return envelope ? new String[] {name} : ("data." + name).split("\\.");
    }

    /**
     * The cell as a JSON value; throws with the rule it broke (without echoing the cell). A number or integer
     * cell over {@code maxNumberChars} is refused before it is parsed: {@code new BigDecimal} is quadratic in
     * the digits.
     */
    JsonNode convert(String cell, int maxNumberChars) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if ((type == Type.INTEGER || type == Type.NUMBER) && cell.strip().length() > maxNumberChars) {
            throw new IllegalArgumentException("must be "
                    + (type == Type.INTEGER ? "an integer" : "a number") + " of at most " + maxNumberChars
                    + " characters");
        }
        return switch (type) {
            case STRING -> json.textNode(cell);
            case INTEGER -> {
                try {
                    yield json.numberNode(Long.parseLong(cell.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be an integer");
                }
            }
            case NUMBER -> {
                try {
                    yield json.numberNode(new BigDecimal(cell.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number");
                }
            }
            case BOOLEAN ->
                switch (cell.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> json.booleanNode(true);
                    case "false", "0", "no" -> json.booleanNode(false);
                    default -> throw new IllegalArgumentException("must be true or false");
                };
        };
    }
}
