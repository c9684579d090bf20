package org.eldercare.streaming.sink;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.FacilityDocument;

/** Facilities and bulk answers as the sink sees them. */
final class SinkFixtures {

    static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-22T12:00:00+08:00");

    private SinkFixtures() {}

    static FacilityDocument facility(String facilityId, int beds, int occupied) {
        return new FacilityDocument(
                facilityId,
                "op-1",
                "大峪街道养老照料中心",
                "CARE_CENTER",
                "110109",
                "110109001",
                new GeoPoint(39.94, 116.10),
                beds,
                occupied,
                beds - occupied,
                0,
                "OPERATING",
                3,
                1,
                NOON,
                NOON);
    }

    static BulkEntry entry(String id, String json) {
        return new BulkEntry("facilities", id, json.getBytes(StandardCharsets.UTF_8));
    }

    static BulkResponseItem written(String id) {
        return BulkResponseItem.of(i ->
                i.operationType(OperationType.Index).index("facilities").id(id).status(200));
    }

    static BulkResponseItem refused(String id, int status, String type) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index)
                .index("facilities")
                .id(id)
                .status(status)
                .error(e -> e.type(type).reason(type + " for " + id)));
    }
}
