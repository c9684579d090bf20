package org.eldercare.streaming.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.RequestBuffer;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;

/**
 * The writer's buffer for an index whose documents are whole and last-write-wins: of several entries with the same
 * index and id waiting to be sent, only the newest is kept. Used where one document is rewritten many times in a
 * short while (a person's {@code recipients} document after each of their service records), so Elasticsearch
 * indexes each person once per bulk instead of once per record.
 *
 * <ul>
 *   <li>A newer entry for an id already waiting takes the waiting entry's place in the queue: the newest content
 *       goes out no later than the first version would have, so coalescing never delays a document.
 *   <li>An entry put back at the head for a retry is dropped when a newer entry for its id is already waiting:
 *       sending it would overwrite the newer document with an older one.
 *   <li>What waits is part of the writer's checkpointed state ({@link #getBufferedState()}, in queue order), as with
 *       Flink's default buffer, so a restore sends the newest versions and loses nothing.
 * </ul>
 *
 * <p>Not thread-safe: the writer uses it from the task's mailbox thread only.
 */
final class CoalescingRequestBuffer implements RequestBuffer<BulkEntry> {

    /** One place in the queue; its entry is replaced in place by a newer one with the same id. */
    private static final class Slot {
        private RequestEntryWrapper<BulkEntry> entry;

        Slot(RequestEntryWrapper<BulkEntry> entry) {
            this.entry = entry;
        }
    }

    private final Deque<Slot> queue = new ArrayDeque<>();
    private final Map<String, Slot> waiting = new HashMap<>();
    private long totalSizeInBytes;
    private long coalesced;

    @Override
    public void add(RequestEntryWrapper<BulkEntry> entry, boolean prioritize) {
        String key = key(entry.getRequestEntry());
        Slot slot = waiting.get(key);
        if (slot != null) {
            coalesced++;
            if (prioritize) {
                // A retry of an older version: the newer one already waiting wins.
                return;
            }
            totalSizeInBytes += entry.getSize() - slot.entry.getSize();
            slot.entry = entry;
            return;
        }
        slot = new Slot(entry);
        waiting.put(key, slot);
        if (prioritize) {
            queue.addFirst(slot);
        } else {
            queue.addLast(slot);
        }
        totalSizeInBytes += entry.getSize();
    }

    @Override
    public RequestEntryWrapper<BulkEntry> poll() {
        Slot slot = queue.pollFirst();
        if (slot == null) {
            return null;
        }
        waiting.remove(key(slot.entry.getRequestEntry()));
        totalSizeInBytes = Math.max(0, totalSizeInBytes - slot.entry.getSize());
        return slot.entry;
    }

    @Override
    public RequestEntryWrapper<BulkEntry> peek() {
        Slot slot = queue.peekFirst();
        return slot == null ? null : slot.entry;
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public Collection<RequestEntryWrapper<BulkEntry>> getBufferedState() {
        Collection<RequestEntryWrapper<BulkEntry>> state = new ArrayList<>(queue.size());
        queue.forEach(slot -> state.add(slot.entry));
        return state;
    }

    @Override
    public long totalSizeInBytes() {
        return totalSizeInBytes;
    }

    /** Entries never sent because a newer one with the same id replaced them while they waited. */
    long coalesced() {
        return coalesced;
    }

    private static String key(BulkEntry entry) {
        return entry.index() + '/' + entry.id();
    }
}
