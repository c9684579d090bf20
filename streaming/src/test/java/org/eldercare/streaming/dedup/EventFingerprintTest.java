package org.eldercare.streaming.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.flink.shaded.guava33.com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

class EventFingerprintTest {

    @Test
    void isMurmur3x64of128BitsForEveryTailLength() {
        Random random = new Random(7);
        for (int length = 1; length <= 80; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(EventFingerprint.of(data)).as("length %d", length).isEqualTo(reference(data));
        }
    }

    @Test
    void neverIsAllZeroBecauseThatMarksAnEmptySlot() {
        assertThat(reference(new byte[0])).isEqualTo(new EventFingerprint(0, 0));
        assertThat(EventFingerprint.of(new byte[0])).isEqualTo(new EventFingerprint(0, 1));
    }

    @Test
    void fingerprintsTheIdempotencyKeyAsUtf8() {
        String key = "operator/op-1\n养老驿站-事件-42";
        assertThat(EventFingerprint.of(key)).isEqualTo(reference(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void differsForAMillionDistinctKeys() {
        Set<EventFingerprint> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            seen.add(EventFingerprint.of("operator/op-1\nevt-" + i));
        }
        assertThat(seen).hasSize(1_000_000);
    }

    /** The same hash from an independent implementation (Guava's, shaded in Flink). */
    private static EventFingerprint reference(byte[] data) {
        ByteBuffer bytes =
                ByteBuffer.wrap(Hashing.murmur3_128().hashBytes(data).asBytes()).order(ByteOrder.LITTLE_ENDIAN);
        return new EventFingerprint(bytes.getLong(), bytes.getLong());
    }
}
