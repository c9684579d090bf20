package org.eldercare.streaming.sink;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eldercare.search.index.BulkErrors;

/**
 * What one bulk response means for its entries: written, to send again (429 and 5xx), or
 * rejected for good (4xx such as a mapping error; logged and counted, never retried). An entry is
 * superseded, and so neither retried nor counted as lost, when a later entry in the same bulk has
 * the same id: sending the older one again would overwrite the newer document.
 */
record BulkOutcome(int written, int superseded, List<BulkEntry> retry, List<String> rejected) {

    static BulkOutcome of(List<BulkEntry> entries, List<BulkResponseItem> items) {
        if (entries.size() != items.size()) {
            throw new IllegalStateException(
                    "bulk response has " + items.size() + " items for " + entries.size() + " entries");
        }
        int written = 0;
        int superseded = 0;
        List<BulkEntry> retry = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> laterIds = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            BulkEntry entry = entries.get(i);
            BulkResponseItem item = items.get(i);
            boolean newerFollows = !laterIds.add(entry.index() + "/" + entry.id());
            if (item.error() == null) {
                written++;
            } else if (newerFollows) {
                superseded++;
            } else if (BulkErrors.retriable(item.status())) {
                retry.addFirst(entry);
            } else {
                rejected.add(
                        entry.index() + "/" + entry.id() + ": " + BulkErrors.describe(item.status(), item.error()));
            }
        }
        return new BulkOutcome(written, superseded, List.copyOf(retry), List.copyOf(rejected.reversed()));
    }
}
