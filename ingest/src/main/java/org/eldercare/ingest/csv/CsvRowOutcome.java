package org.eldercare.ingest.csv;

import java.util.List;
import org.eldercare.ingest.event.CareEvent;

/** What became of one data row of an imported CSV file. {@code line} is the row's first line. */
public sealed interface CsvRowOutcome {

    int line();

    /** The row is a valid event. */
    record Valid(int line, CareEvent event) implements CsvRowOutcome {}

    /**
     * The row is not a valid event. Each error reads {@code line N, column <col>: <rule>} (or
     * {@code line N: <rule>} when no single column is at fault). {@code id}, {@code source} and
     * {@code type} are the row's cells, null when empty; {@code eventJson} is the CloudEvent the row
     * became, for the dead-letter record.
     */
    record Invalid(int line, String id, String source, String type, List<String> errors, String eventJson)
            implements CsvRowOutcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
