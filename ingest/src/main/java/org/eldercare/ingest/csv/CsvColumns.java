package org.eldercare.ingest.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The columns the CSV import knows, from the {@code csv/columns.tsv} resource. */
final class CsvColumns {

    private static final String RESOURCE = "csv/columns.tsv";
    private static final Map<String, CsvColumn> BY_NAME = load();

    private CsvColumns() {}

    static Optional<CsvColumn> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Map<String, CsvColumn> all() {
        return BY_NAME;
    }

    private static Map<String, CsvColumn> load() {
        InputStream in = CsvColumns.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        }
        Map<String, CsvColumn> columns = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                columns.put(
                        f[0],
                        new CsvColumn(
                                f[0],
                                CsvColumn.Type.valueOf(f[1].toUpperCase(Locale.ROOT)),
                                "envelope".equals(f[2]),
                                f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(columns);
    }
}
