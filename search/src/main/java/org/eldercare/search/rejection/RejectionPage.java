package org.eldercare.search.rejection;

import java.util.List;
import org.eldercare.ingest.deadletter.Rejection;

/**
 * One page of an operator's rejections. {@link Rejection#payload()} is always null here: the
 * event as received may hold personal data and is never read back out of the index.
 */
public record RejectionPage(List<Rejection> items, long total, int page, int size) {}
