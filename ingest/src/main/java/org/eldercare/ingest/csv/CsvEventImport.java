package org.eldercare.ingest.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;

/**
 * Imports care events from {@code text/csv} for operators without a system of their own: UTF-8
 * (a byte-order mark is skipped), RFC 4180 quoting, a header row naming the columns (see {@code
 * csv/columns.tsv} and the ingest README), then one event per row. An empty cell is an absent field.
 *
 * <p>Each row becomes a structured CloudEvent and goes through the same {@link EventReader} as HTTP
 * events, so the rules are identical; errors name the row's line and the column, e.g. {@code line 7,
 * column beds: must be an integer}. A file-level problem (encoding, quoting, header, limits) throws
 * {@link CsvImportException} instead. The row count, cell length and field count are checked while parsing
 * (docs/CONTRACT.md §6.3), so an abusive file is refused before its records are built. Thread-safe.
 */
public final class CsvEventImport {

    private static final char BOM = '\uFEFF';

    private final EventReader reader;
    private final CsvLimits limits;

    public CsvEventImport(EventReader reader) {
        this(reader, CsvLimits.DEFAULT);
    }

    public CsvEventImport(EventReader reader, CsvLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    public CsvImportResult read(InputStream in) throws CsvImportException, IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        return read(bytes);
    }

    public CsvImportResult read(byte[] bytes) throws CsvImportException {
        if (bytes.length > limits.maxBytes()) {
            throw new CsvImportException("file: must be at most " + limits.maxBytes() + " bytes", true);
        }
        List<CsvRecord> records = CsvParser.parse(decode(bytes), limits);
        List<CsvRecord> rows =
                records.stream().skip(1).filter(r -> !r.isBlank()).toList();
        if (records.isEmpty() || records.get(0).isBlank()) {
            throw new CsvImportException("line 1: must be a header row naming the columns", false);
        }
        List<CsvColumn> header = header(records.get(0));
        List<CsvRowOutcome> outcomes = new ArrayList<>(rows.size());
        for (CsvRecord row : rows) {
            outcomes.add(readRow(header, row));
        }
        return new CsvImportResult(outcomes);
    }

    private static String decode(byte[] bytes) throws CsvImportException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CsvImportException("file: must be UTF-8 text", false);
        }
    }

    private static List<CsvColumn> header(CsvRecord header) throws CsvImportException {
        List<CsvColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : header.fields()) {
            String name = cell.strip();
            CsvColumn column = CsvColumns.byName(name)
                    .orElseThrow(() -> new CsvImportException(
                            "line 1, column " + name + ": must be one of "
                                    + String.join(", ", CsvColumns.all().keySet()),
                            false));
            if (!seen.add(name)) {
                throw new CsvImportException("line 1, column " + name + ": must appear only once", false);
            }
            columns.add(column);
        }
        return columns;
    }

    private CsvRowOutcome readRow(List<CsvColumn> header, CsvRecord row) {
        int line = row.line();
        if (row.fields().size() != header.size()) {
            return invalid(
                    row,
                    header,
                    List.of("line " + line + ": must have " + header.size() + " fields like the header, has "
                            + row.fields().size()),
                    null);
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        Map<String, String> conversionErrors = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            CsvColumn column = header.get(i);
            String cell = row.fields().get(i);
            if (cell.isEmpty()) {
                continue;
            }
            JsonNode value;
            try {
                value = column.convert(cell, limits.maxNumberChars());
            } catch (IllegalArgumentException e) {
                conversionErrors.put(column.name(), e.getMessage());
                value = JsonNodeFactory.instance.textNode(cell);
            }
            put(event, column.path(), value);
        }
        ReadResult result = reader.read(event);
        if (result instanceof ReadResult.Valid valid && conversionErrors.isEmpty()) {
            return new CsvRowOutcome.Valid(line, valid.event());
        }
        List<String> errors = new ArrayList<>();
        conversionErrors.forEach((column, rule) -> errors.add(CsvErrors.at(line, column, rule)));
        if (result instanceof ReadResult.Invalid invalid) {
            for (String error : invalid.errors()) {
                if (!conversionErrors.containsKey(CsvErrors.column(error))) {
                    errors.add(CsvErrors.locate(line, error));
                }
            }
        }
        return invalid(row, header, errors, event.toString());
    }

    private static void put(ObjectNode root, String[] path, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        node.set(path[path.length - 1], value);
    }

    private static CsvRowOutcome.Invalid invalid(
            CsvRecord row, List<CsvColumn> header, List<String> errors, String eventJson) {
        return new CsvRowOutcome.Invalid(
                row.line(),
                cell(row, header, "id"),
                cell(row, header, "source"),
                cell(row, header, "type"),
                errors,
                eventJson);
    }

    private static String cell(CsvRecord row, List<CsvColumn> header, String name) {
        for (int i = 0; i < header.size() && i < row.fields().size(); i++) {
            if (header.get(i).name().equals(name)) {
                String value = row.fields().get(i);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
