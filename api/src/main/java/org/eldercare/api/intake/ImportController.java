package org.eldercare.api.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.ingest.csv.CsvEventImport;
import org.eldercare.ingest.csv.CsvImportException;
import org.eldercare.ingest.csv.CsvImportResult;
import org.eldercare.ingest.csv.CsvRowOutcome;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports}: {@code text/csv}, one event per row, for operators without a system
 * of their own. Answers like the JSON batch; each error names the line and the column.
 */
@RestController
class ImportController {

    private final CsvEventImport csv;
    private final Intake intake;

    ImportController(EventReader reader, Intake intake) {
        this.csv = new CsvEventImport(reader);
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/imports", consumes = "text/csv")
    ResponseEntity<IntakeResponse> importCsv(HttpServletRequest request) throws IOException {
        CsvImportResult result;
        try {
            result = csv.read(RequestBodies.read(request, IntakeLimits.MAX_BODY_BYTES));
        } catch (CsvImportException e) {
            throw new RequestRefusedException(
                    e.overLimit() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<ReadResult> results = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (CsvRowOutcome row : result.rows()) {
            switch (row) {
                case CsvRowOutcome.Valid valid -> {
                    results.add(new ReadResult.Valid(valid.event()));
                    raw.add(null);
                }
                case CsvRowOutcome.Invalid invalid -> {
                    results.add(
                            new ReadResult.Invalid(invalid.id(), invalid.source(), invalid.type(), invalid.errors()));
                    raw.add(invalid.eventJson());
                }
            }
        }
        return ResponseEntity.accepted().body(intake.submit(CurrentCaller.get(), results, raw));
    }
}
