package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.NOW;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.validation.Judge.READER;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eldercare.ingest.topic.Topics;
import org.junit.jupiter.api.Test;

class KafkaRecordReadTest {

    private static final long TWO_YEARS_AGO = NOW.minusYears(2).toInstant().toEpochMilli();

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, long timestamp, TimestampType type) {
        return new ConsumerRecord<>(
                Topics.EVENTS,
                0,
                0L,
                timestamp,
                type,
                0,
                0,
                "f-1".getBytes(),
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    @Test
    void readsTheValueOfARecord() {
        var value = bedOccupied("f-1", 2).bytes();

        assertThat(READER.read(record(value, TWO_YEARS_AGO, TimestampType.CREATE_TIME))
                        .isValid())
                .isTrue();
    }

    @Test
    void judgesTheTimeAtTheBrokersAppendTime() {
        var value = bedOccupied("f-1", 2).time(NOW.minusYears(2)).bytes();

        assertThat(READER.read(record(value, TWO_YEARS_AGO, TimestampType.LOG_APPEND_TIME))
                        .isValid())
                .isTrue();
    }

    @Test
    void distrustsTheProducersOwnTimestamp() {
        var value = bedOccupied("f-1", 2).time(NOW.minusYears(2)).bytes();

        assertThat(READER.read(record(value, TWO_YEARS_AGO, TimestampType.CREATE_TIME)))
                .isInstanceOf(ReadResult.Invalid.class);
    }

    @Test
    void rejectsATombstone() {
        assertThat(READER.read(record(null, TWO_YEARS_AGO, TimestampType.CREATE_TIME)))
                .isEqualTo(new ReadResult.Invalid(
                        null, null, null, java.util.List.of("$: must be a JSON object (the record has no value)")));
    }
}
