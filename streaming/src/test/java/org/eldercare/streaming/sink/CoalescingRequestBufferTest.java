package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.Batch;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestBuffer;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.strategy.BasicRequestInfo;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.junit.jupiter.api.Test;

/**
 * The recipients sink's buffer: a person's document rewritten after each of their service records goes out once per
 * bulk, in its newest state. Bulks are formed by Flink's own batch creator, as the writer forms them.
 */
class CoalescingRequestBufferTest {

    private static final int BULK_ACTIONS = 1000;

    @Test
    void twoUpdatesOfAPersonWithinOneFlushGoOutAsOneBulkEntryWithTheNewest() {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        add(buffer, person("rcp-wang", 1), false);
        add(buffer, person("rcp-li", 1), false);
        add(buffer, person("rcp-wang", 2), false);

        List<BulkEntry> bulk = nextBulk(buffer);

        assertThat(bulk).extracting(BulkEntry::id).containsExactly("rcp-wang", "rcp-li");
        assertThat(json(bulk.getFirst())).contains("\"servicesCount\":2");
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.totalSizeInBytes()).isZero();
        assertThat(buffer.coalesced()).isEqualTo(1);
    }

    @Test
    void theBufferedSizeIsThatOfTheNewestVersionOnly() {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        BulkEntry first = person("rcp-wang", 1);
        BulkEntry longer = new BulkEntry(
                "recipients",
                "rcp-wang",
                "{\"recipientId\":\"rcp-wang\",\"names\":[\"王秀英\",\"王秀瑛\"],\"servicesCount\":2}"
                        .getBytes(StandardCharsets.UTF_8));
        add(buffer, first, false);
        add(buffer, longer, false);

        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.totalSizeInBytes()).isEqualTo(longer.sizeInBytes());
    }

    @Test
    void aRetriedOlderVersionNeverOverwritesTheNewerOneWaiting() {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        // Version 1 was in flight and refused with a 429; version 2 arrived meanwhile.
        add(buffer, person("rcp-wang", 2), false);
        add(buffer, person("rcp-wang", 1), true);

        List<BulkEntry> bulk = nextBulk(buffer);

        assertThat(bulk).hasSize(1);
        assertThat(json(bulk.getFirst())).contains("\"servicesCount\":2");
    }

    @Test
    void aRetryOfAnotherPersonGoesBeforeWhatWaits() {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        add(buffer, person("rcp-wang", 1), false);
        add(buffer, person("rcp-li", 3), true);

        assertThat(nextBulk(buffer)).extracting(BulkEntry::id).containsExactly("rcp-li", "rcp-wang");
    }

    @Test
    void theSameIdInAnotherIndexIsAnotherDocument() {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        add(buffer, person("op-1:svc-1", 1), false);
        add(buffer, new BulkEntry("service-records", "op-1:svc-1", "{}".getBytes(StandardCharsets.UTF_8)), false);

        assertThat(nextBulk(buffer)).hasSize(2);
    }

    @Test
    void whatWaitsAtACheckpointIsTheNewestVersionAndARestoreSendsIt() throws Exception {
        CoalescingRequestBuffer buffer = new CoalescingRequestBuffer();
        add(buffer, person("rcp-wang", 1), false);
        add(buffer, person("rcp-li", 1), false);
        add(buffer, person("rcp-wang", 2), false);
        BulkEntryStateSerializer serializer = new BulkEntryStateSerializer();

        // The writer's snapshot: the buffer as it stands once in-flight requests are done.
        byte[] checkpoint = serializer.serialize(new BufferedRequestState<>(buffer));
        BufferedRequestState<BulkEntry> restored = serializer.deserialize(serializer.getVersion(), checkpoint);
        CoalescingRequestBuffer afterRestore = new CoalescingRequestBuffer();
        restored.getBufferedRequestEntries().forEach(e -> afterRestore.add(e, false));

        List<BulkEntry> bulk = nextBulk(afterRestore);
        assertThat(bulk).extracting(BulkEntry::id).containsExactly("rcp-wang", "rcp-li");
        assertThat(json(bulk.getFirst())).contains("\"servicesCount\":2");
    }

    @Test
    void theJobsRecipientsSinkCoalescesAndItsServiceRecordsSinkDoesNot() {
        ElasticsearchSinkFactory factory =
                new ElasticsearchSinkFactory(ElasticsearchConfig.forUrl("http://127.0.0.1:9200"));

        assertThat(RecipientResolution.recipientsSink(factory))
                .isInstanceOfSatisfying(
                        ElasticsearchSink.class, s -> assertThat(s.coalesces()).isTrue());
        assertThat(RecipientResolution.serviceRecordsSink(factory))
                .isInstanceOfSatisfying(
                        ElasticsearchSink.class, s -> assertThat(s.coalesces()).isFalse());
    }

    /** A person's {@code recipients} document after their {@code servicesCount}-th record. */
    private static BulkEntry person(String recipientId, int servicesCount) {
        String json =
                "{\"recipientId\":\"" + recipientId + "\",\"name\":\"王秀英\",\"servicesCount\":" + servicesCount + "}";
        return new BulkEntry("recipients", recipientId, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(RequestBuffer<BulkEntry> buffer, BulkEntry entry, boolean retry) {
        buffer.add(new RequestEntryWrapper<>(entry, entry.sizeInBytes()), retry);
    }

    private static List<BulkEntry> nextBulk(RequestBuffer<BulkEntry> buffer) {
        Batch<BulkEntry> batch = new SimpleBatchCreator<BulkEntry>(5L << 20)
                .createNextBatch(new BasicRequestInfo(Math.min(BULK_ACTIONS, buffer.size())), buffer);
        return new ArrayList<>(batch.getBatchEntries());
    }

    private static String json(BulkEntry entry) {
        return new String(entry.json(), StandardCharsets.UTF_8);
    }
}
