package org.eldercare.ingest.csv;

import java.util.List;

/** One CSV record and the line it starts on (1-based; a quoted field may span lines). */
record CsvRecord(int line, List<String> fields) {

    boolean isBlank() {
        return fields.size() == 1 && fields.get(0).isBlank();
    }
}
