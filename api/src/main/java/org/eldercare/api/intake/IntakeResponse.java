package org.eldercare.api.intake;

import java.util.List;

/** The 202 body of docs/CONTRACT.md §1. */
public record IntakeResponse(int accepted, int duplicates, List<RejectedEvent> rejected) {

    /** One refused event: its position in the request, its id if it had one, and every reason. */
    public record RejectedEvent(int index, String id, List<String> errors) {}
}
