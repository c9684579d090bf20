package org.eldercare.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}). Accepts CRLF, LF or CR line ends and a
 * missing final line end. A quote inside an unquoted field is kept as text, as spreadsheets do.
 */
final class CsvParser {

    private final String text;
    private int pos;
    private int line = 1;

    private CsvParser(String text) {
        this.text = text;
    }

    /** @throws CsvImportException when a quoted field is not closed, or text follows its closing quote */
    static List<CsvRecord> parse(String text) throws CsvImportException {
        return new CsvParser(text).records();
    }

    private List<CsvRecord> records() throws CsvImportException {
        List<CsvRecord> records = new ArrayList<>();
        while (pos < text.length()) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted(startLine) : unquoted());
                endOfRecord = pos >= text.length() || text.charAt(pos) != ',';
                if (!endOfRecord) {
                    pos++;
                }
            }
            skipLineEnd();
            records.add(new CsvRecord(startLine, List.copyOf(fields)));
        }
        return records;
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted(int recordLine) throws CsvImportException {
        int fieldLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
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
