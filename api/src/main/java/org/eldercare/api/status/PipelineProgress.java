package org.eldercare.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eldercare.ingest.topic.Topics;

/**
 * How many accepted events the streaming jobs have not yet reflected in indicators and indexes.
 *
 * <p>The jobs commit their Kafka offsets when a checkpoint completes, and their Elasticsearch sinks
 * flush at every checkpoint; so the lag of the committed offsets behind the topic's end counts events
 * not yet durably processed. Outputs of the last events can still sit in a coalescing timer for one
 * interval after the commit, so a lag of 0 is only reported as 0 once it has held for {@code settle}.
 */
public class PipelineProgress {

    private final Admin admin;
    private final String groupId;
    private final Duration settle;
    private final Clock clock;
    private long lastLag = -1;
    private Instant lagZeroSince;

    public PipelineProgress(Admin admin, String groupId, Duration settle, Clock clock) {
        this.admin = admin;
        this.groupId = groupId;
        this.settle = settle;
        this.clock = clock;
    }

    /** The pending event count, or -1 when Kafka cannot be asked. */
    public synchronized long pendingEvents() {
        long lag;
        try {
            lag = lag();
        } catch (Exception e) {
            return -1;
        }
        Instant now = clock.instant();
        if (lag > 0) {
            lagZeroSince = null;
        } else if (lastLag != 0 || lagZeroSince == null) {
            lagZeroSince = now;
        }
        lastLag = lag;
        if (lag > 0) {
            return lag;
        }
        return Duration.between(lagZeroSince, now).compareTo(settle) >= 0 ? 0 : 1;
    }

    private long lag() throws Exception {
        Set<TopicPartition> partitions = admin
                .describeTopics(Set.of(Topics.EVENTS))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(Topics.EVENTS)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(Topics.EVENTS, p.partition()))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            lag += Math.max(0, ends.get(partition).offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }
}
