package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.sink.SinkFixtures.entry;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class BulkEntryStateSerializerTest {

    @Test
    void restoresTheEntriesBufferedAtACheckpoint() throws Exception {
        BulkEntry first = entry("fac-1", "{\"name\":\"大峪街道养老照料中心\"}");
        BulkEntry second = entry("fac-2", "{}");
        BufferedRequestState<BulkEntry> state = new BufferedRequestState<>(List.of(
                new RequestEntryWrapper<>(first, first.sizeInBytes()),
                new RequestEntryWrapper<>(second, second.sizeInBytes())));
        BulkEntryStateSerializer serializer = new BulkEntryStateSerializer();

        BufferedRequestState<BulkEntry> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        List<BulkEntry> entries = restored.getBufferedRequestEntries().stream()
                .map(RequestEntryWrapper::getRequestEntry)
                .toList();
        assertThat(entries).extracting(BulkEntry::id).containsExactly("fac-1", "fac-2");
        assertThat(entries.getFirst().json()).isEqualTo(first.json());
    }
}
