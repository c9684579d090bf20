package org.eldercare.streaming.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SeenEventsSerializerTest {

    private static final long DAY = SeenEvents.DAY_MILLIS;

    @Test
    void roundTripsEveryDayAndFingerprint() throws IOException {
        SeenEvents events = eventsOverDays(3, 1_000);

        SeenEvents read = roundTrip(events);

        assertThat(read).isEqualTo(events);
        assertThat(read.size()).isEqualTo(3_000);
        assertThat(read.contains(EventFingerprint.of("evt-2-999"))).isTrue();
        assertThat(read.contains(EventFingerprint.of("evt-3-0"))).isFalse();
    }

    @Test
    void writesSixteenBytesAnEventPlusAHeaderPerDay() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SeenEventsSerializer.INSTANCE.serialize(eventsOverDays(2, 500), out);

        assertThat(out.length()).isEqualTo(4 + 2 * (8 + 4) + 1_000 * 16);
    }

    @Test
    void copiesDeeplySoTheOriginalCanChangeAfterASnapshot() {
        SeenEvents original = eventsOverDays(1, 10);
        SeenEvents copy = SeenEventsSerializer.INSTANCE.copy(original);

        original.add(EventFingerprint.of("later"), 0);
        original.add(EventFingerprint.of("next day"), DAY);

        assertThat(copy.size()).isEqualTo(10);
        assertThat(copy.contains(EventFingerprint.of("later"))).isFalse();
        assertThat(original.size()).isEqualTo(12);
    }

    @Test
    void forgetsWholeDaysOnceTheyAreTtlOld() {
        SeenEvents events = eventsOverDays(3, 5);
        long ttl = 7 * DAY;

        events.forgetExpired(SeenEvents.expiryOf(1, ttl), ttl);

        assertThat(events.size()).isEqualTo(5);
        assertThat(events.contains(EventFingerprint.of("evt-2-0"))).isTrue();
        assertThat(events.contains(EventFingerprint.of("evt-1-0"))).isFalse();
    }

    @Test
    void refusesANegativeCountAsCorruptState() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {-1, -1, -1, -1});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeenEventsSerializer.INSTANCE.deserialize(in))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt dedup state");
    }

    private static SeenEvents eventsOverDays(int days, int perDay) {
        SeenEvents events = new SeenEvents();
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < perDay; i++) {
                events.add(EventFingerprint.of("evt-" + day + "-" + i), day * DAY + i);
            }
        }
        return events;
    }

    private static SeenEvents roundTrip(SeenEvents events) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SeenEventsSerializer.INSTANCE.serialize(events, out);
        return SeenEventsSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
