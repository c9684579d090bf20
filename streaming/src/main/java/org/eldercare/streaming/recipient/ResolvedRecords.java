package org.eldercare.streaming.recipient;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.eldercare.search.resolve.ServiceRecordDocument;

/**
 * The service records resolved so far, as last written to the index, and each person's record keys. They serve
 * twice: a record key seen before is answered from here (a replay changes nothing), and after a merge the merged
 * person's records are rewritten under the kept id, so {@code service-records} never holds a merged-away id.
 */
final class ResolvedRecords {

    private final MapState<String, ServiceRecordDocument> byKey;
    private final MapState<String, List<String>> keysByPerson;

    ResolvedRecords(MapState<String, ServiceRecordDocument> byKey, MapState<String, List<String>> keysByPerson) {
        this.byKey = byKey;
        this.keysByPerson = keysByPerson;
    }

    static String key(ServiceRecordDocument record) {
        return ServiceRecordDocument.documentId(record.operatorId(), record.recordId());
    }

    /** The record as written, or null when {@code recordKey} was never resolved. */
    ServiceRecordDocument get(String recordKey) {
        return State.get(byKey, recordKey);
    }

    void add(ServiceRecordDocument record) {
        String key = key(record);
        State.put(byKey, key, record);
        State.put(
                keysByPerson,
                record.recipientId(),
                State.append(State.get(keysByPerson, record.recipientId()), List.of(key)));
    }

    /** Moves every record of {@code fromId} to {@code toId}; returns them as they now are. */
    List<ServiceRecordDocument> repoint(String fromId, String toId) {
        List<String> keys = State.get(keysByPerson, fromId);
        if (keys == null) {
            return List.of();
        }
        List<ServiceRecordDocument> moved = new ArrayList<>(keys.size());
        for (String key : keys) {
            ServiceRecordDocument record = withRecipient(State.get(byKey, key), toId);
            State.put(byKey, key, record);
            moved.add(record);
        }
        State.remove(keysByPerson, fromId);
        State.put(keysByPerson, toId, State.append(State.get(keysByPerson, toId), keys));
        return moved;
    }

    private static ServiceRecordDocument withRecipient(ServiceRecordDocument r, String recipientId) {
        return new ServiceRecordDocument(
                r.recordId(),
                r.operatorId(),
                r.facilityId(),
                r.caregiverId(),
                r.serviceType(),
                r.startedAt(),
                r.durationMinutes(),
                recipientId,
                r.resolutionScore(),
                r.matchedOn(),
                r.recipient(),
                r.indexedAt());
    }
}
