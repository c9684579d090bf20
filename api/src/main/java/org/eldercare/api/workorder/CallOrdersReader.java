package org.eldercare.api.workorder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eldercare.search.document.WorkOrderDocument;

/**
 * Where the call log finds the orders opened on its calls (docs/CONTRACT.md §10.2): the {@code work-orders} index by
 * {@code callId} in production. Failures surface as runtime exceptions; the call log answers 503.
 */
@FunctionalInterface
public interface CallOrdersReader {

    /** The orders opened on each of {@code callIds}, newest opened first; a call with none may be absent. */
    Map<String, List<WorkOrderDocument>> ofCalls(Collection<String> callIds);
}
