package org.eldercare.ingest.csv;

import java.util.List;
import org.eldercare.ingest.event.CareEvent;

/** The outcome of every data row of an imported file, in file order. */
public record CsvImportResult(List<CsvRowOutcome> rows) {

    public CsvImportResult {
        rows = List.copyOf(rows);
    }

    public List<CareEvent> validEvents() {
        return rows.stream()
                .filter(CsvRowOutcome.Valid.class::isInstance)
                .map(r -> ((CsvRowOutcome.Valid) r).event())
                .toList();
    }

    public List<CsvRowOutcome.Invalid> invalidRows() {
        return rows.stream()
                .filter(CsvRowOutcome.Invalid.class::isInstance)
                .map(CsvRowOutcome.Invalid.class::cast)
                .toList();
    }
}
