package org.eldercare.search.workorder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eldercare.search.document.WorkOrderDocument;

/**
 * One street's service levels now (docs/CONTRACT.md §10.3): open orders, those past their SLA, and the median and 90th
 * percentile of the times to dispatch and to close over the last 24 hours (nearest rank; null with no order in the
 * window). Pure: computed from the orders, so it is tested without a cluster.
 */
public record StreetSla(
        String streetCode,
        long open,
        long breachedDispatch,
        long breachedClose,
        Long dispatchP50,
        Long dispatchP90,
        Long closeP50,
        Long closeP90) {

    static final Duration WINDOW = Duration.ofHours(24);

    /** Every street that has an open order or one dispatched or closed in the window, by street code. */
    public static Map<String, StreetSla> of(
            Collection<WorkOrderDocument> orders, OffsetDateTime now, Duration dispatchSla, Duration closeSla) {
        Map<String, List<WorkOrderDocument>> byStreet = new TreeMap<>();
        for (WorkOrderDocument order : orders) {
            byStreet.computeIfAbsent(order.streetCode(), s -> new ArrayList<>()).add(order);
        }
        Map<String, StreetSla> result = new TreeMap<>();
        OffsetDateTime since = now.minus(WINDOW);
        byStreet.forEach((street, list) -> {
            long open = 0;
            long breachedDispatch = 0;
            long breachedClose = 0;
            List<Long> toDispatch = new ArrayList<>();
            List<Long> toClose = new ArrayList<>();
            for (WorkOrderDocument o : list) {
                boolean closed = WorkOrderDocument.CLOSED.equals(o.state());
                if (!closed) {
                    open++;
                    Duration age = Duration.between(o.openedAt(), now);
                    if (WorkOrderDocument.OPEN.equals(o.state()) && age.compareTo(dispatchSla) > 0) {
                        breachedDispatch++;
                    }
                    if (age.compareTo(closeSla) > 0) {
                        breachedClose++;
                    }
                }
                if (o.dispatchedAt() != null
                        && o.secondsToDispatch() != null
                        && !o.dispatchedAt().isBefore(since)) {
                    toDispatch.add(o.secondsToDispatch());
                }
                if (closed && o.secondsToClose() != null && !o.closedAt().isBefore(since)) {
                    toClose.add(o.secondsToClose());
                }
            }
            if (open > 0 || !toDispatch.isEmpty() || !toClose.isEmpty()) {
                result.put(
                        street,
                        new StreetSla(
                                street,
                                open,
                                breachedDispatch,
                                breachedClose,
                                rank(toDispatch, 0.5),
                                rank(toDispatch, 0.9),
                                rank(toClose, 0.5),
                                rank(toClose, 0.9)));
            }
        });
        return result;
    }

    /** The nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
    static Long rank(List<Long> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
