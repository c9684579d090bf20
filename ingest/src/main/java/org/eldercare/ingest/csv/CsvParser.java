package org.eldercare.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}). Accepts CRLF, LF or CR line ends and a
 * missing final line end. A quote inside an unquoted field is kept as text, as spreadsheets do.
 *
 * <p>The limits of {@link CsvLimits} that bound memory and CPU are checked here, as the text is scanned: a cell
 * over {@code maxCellChars}, a row over {@code maxFields} or data rows over {@code maxRows} stop the parse at
 * once, before any further field is copied.
 */
final class CsvParser {

    private final String text;
    private final CsvLimits limits;
    private int pos;
    private int line = 1;
    private List<String> header;
    private int recordLine;
    private int field;

    private CsvParser(String text, CsvLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    /**
     * @throws CsvImportException when a quoted field is not closed, or text follows its closing quote; with
     *     {@code overLimit()} when a cell, a row or the file is over {@code limits}
     */
    static List<CsvRecord> parse(String text, CsvLimits limits) throws CsvImportException {
        return new CsvParser(text, limits).records();
    }

    private List<CsvRecord> records() throws CsvImportException {
        List<CsvRecord> records = new ArrayList<>();
        int dataRows = 0;
        while (pos < text.length()) {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (fields.size() == limits.maxFields()) {
                    throw new CsvImportException(
                            "line " + recordLine + ": must have at most " + limits.maxFields() + " fields", true);
                }
                field = fields.size();
                fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : unquoted());
                endOfRecord = pos >= text.length() || text.charAt(pos) != ',';
                if (!endOfRecord) {
                    pos++;
                }
            }
            skipLineEnd();
            CsvRecord record = new CsvRecord(recordLine, List.copyOf(fields));
            if (header == null) {
                header = record.fields();
            } else if (!record.isBlank() && ++dataRows > limits.maxRows()) {
                throw new CsvImportException(
                        "line " + recordLine + ": file must have at most " + limits.maxRows() + " data rows", true);
            }
            records.add(record);
        }
        return records;
    }

    private String unquoted() throws CsvImportException {
        int start = pos;
        int end = Math.min(text.length(), start + limits.maxCellChars() + 1);
        while (pos < end && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        if (pos - start > limits.maxCellChars()) {
            throw cellTooLong();
        }
        return text.substring(start, pos);
    }

    private CsvImportException cellTooLong() {
        String column = header == null || field >= header.size()
                ? String.valueOf(field + 1)
                : header.get(field).strip();
        return new CsvImportException(
                "line " + recordLine + ", column " + column + ": must be at most " + limits.maxCellChars()
                        + " characters",
                true);
    }

    private String quoted() throws CsvImportException {
        int fieldLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (value.length() > limits.maxCellChars()) {
                throw cellTooLong();
            }
            if (pos >= text.length()) {
                throw new CsvImportException("line " + fieldLine + ": quoted field is not closed", false);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                    throw new CsvImportException(
                            "line " + line + ": text after a closing quote; double a quote inside a quoted field",
                            false);
                }
                return value.toString();
            }
            if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                line++;
            }
            value.append(c);
        }
    }

    private void skipLineEnd() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
