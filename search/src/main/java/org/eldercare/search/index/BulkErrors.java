package org.eldercare.search.index;

import co.elastic.clients.elasticsearch._types.ErrorCause;

/**
 * Describes a bulk item error for a log line without echoing document content: Elasticsearch
 * quotes a preview of the offending value, which may be personal data, so that part is cut.
 */
public final class BulkErrors {

    private static final String VALUE_PREVIEW = "Preview of field's value";

    private BulkErrors() {}

    /** {@code status type: reason}, the reason cut before any value preview. */
    public static String describe(int status, ErrorCause error) {
        String reason = error.reason() == null ? "" : error.reason();
        int preview = reason.indexOf(VALUE_PREVIEW);
        if (preview >= 0) {
            reason = reason.substring(0, preview).trim();
        }
        return status + " " + error.type() + (reason.isEmpty() ? "" : ": " + reason);
    }

    /** Whether an item with this status may succeed when sent again (overload or server trouble). */
    public static boolean retriable(int status) {
        return status == 429 || status >= 500;
    }
}
