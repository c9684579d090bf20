package org.eldercare.ingest.csv;

/**
 * Turns the validator's {@code "data.beds: rule"} into the importer's {@code "line 7, column beds:
 * rule"}: a CSV column is the JSON path without its {@code data.} prefix.
 */
final class CsvErrors {

    private static final String SEPARATOR = ": ";

    private CsvErrors() {}

    static String at(int line, String column, String rule) {
        return "line " + line + ", column " + column + SEPARATOR + rule;
    }

    static String locate(int line, String validatorError) {
        String column = column(validatorError);
        return column == null
                ? "line " + line + SEPARATOR + ruleOf(validatorError)
                : at(line, column, validatorError.substring(validatorError.indexOf(SEPARATOR) + SEPARATOR.length()));
    }

    /** The column an error is about, or null when it concerns the event or its data as a whole. */
    static String column(String validatorError) {
        int end = validatorError.indexOf(SEPARATOR);
        if (end <= 0) {
            return null;
        }
        String path = validatorError.substring(0, end);
        if (path.equals("$") || path.equals("data")) {
            return null;
        }
        return path.startsWith("data.") ? path.substring("data.".length()) : path;
    }

    private static String ruleOf(String validatorError) {
        int end = validatorError.indexOf(SEPARATOR);
        return end == 1 && validatorError.startsWith("$") ? validatorError.substring(3) : validatorError;
    }
}
