package org.eldercare.api.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Intake's 503 (docs/CONTRACT.md §1): the events could not be written durably in time, nothing was accepted. */
@RestControllerAdvice
class IntakeExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeExceptionHandler.class);

    @ExceptionHandler(EventLogUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(EventLogUnavailableException e) {
        LOG.warn("event log unavailable, answering 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "events: could not be written durably in time; nothing was accepted, resend the whole request");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
