package org.eldercare.api.incident;

import java.util.List;
import java.util.Optional;
import org.eldercare.search.incident.IncidentDocument;

/**
 * Where the hotline's queue reads incidents (docs/CONTRACT.md §9.6, §9.7): the {@code incidents} index in production.
 * Failures surface as runtime exceptions; the callers answer 503 or tell the stream's clients.
 */
public interface IncidentReader {

    /** One incident's latest document, read in real time (not waiting for a refresh). */
    Optional<IncidentDocument> byId(String incidentId);

    /** A page in the queue's order: open ones first by next deadline, then the resolved ones, last resolved first. */
    List<IncidentDocument> page(String state, String streetCode, boolean openOnly, int page, int size);
}
