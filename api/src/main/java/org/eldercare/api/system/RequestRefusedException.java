package org.eldercare.api.system;

import org.springframework.http.HttpStatus;

/** A request refused as a whole (400 or 413), with a detail that names the rule. */
public class RequestRefusedException extends RuntimeException {

    private final HttpStatus status;

    public RequestRefusedException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
