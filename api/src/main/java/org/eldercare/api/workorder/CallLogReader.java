package org.eldercare.api.workorder;

import java.util.List;
import org.eldercare.search.document.CallDocument;

/** Where the call log is read (docs/CONTRACT.md §10.2): the {@code calls} index in production. */
@FunctionalInterface
public interface CallLogReader {

    /** A page of calls, newest {@code receivedAt} first; {@code streetCode} null for every street. */
    List<CallDocument> page(String streetCode, int page, int size);
}
