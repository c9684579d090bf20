package org.eldercare.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntakeDeduplicatorTest {

    private static final String OP1 = "/operators/op-1";

    @Test
    void reportsAnEventRememberedBefore() {
        IntakeDeduplicator recent = new IntakeDeduplicator(10);
        recent.remember(OP1, "e-1");

        assertThat(recent.contains(OP1, "e-1")).isTrue();
        assertThat(recent.contains(OP1, "e-2")).isFalse();
    }

    @Test
    void treatsTheSameIdFromAnotherSourceAsAnotherEvent() {
        IntakeDeduplicator recent = new IntakeDeduplicator(10);
        recent.remember(OP1, "e-1");

        assertThat(recent.contains("/operators/op-2", "e-1")).isFalse();
    }

    @Test
    void forgetsTheOldestKeyWhenFull() {
        IntakeDeduplicator recent = new IntakeDeduplicator(3);
        IntStream.rangeClosed(1, 4).forEach(i -> recent.remember(OP1, "e-" + i));

        assertThat(recent.contains(OP1, "e-1")).isFalse();
        assertThat(recent.contains(OP1, "e-2")).isTrue();
        assertThat(recent.contains(OP1, "e-4")).isTrue();
        assertThat(recent.size()).isEqualTo(3);
    }

    @Test
    void rememberingAKnownKeyTakesNoRoom() {
        IntakeDeduplicator recent = new IntakeDeduplicator(2);
        recent.remember(OP1, "e-1");
        recent.remember(OP1, "e-1");
        recent.remember(OP1, "e-2");

        assertThat(recent.contains(OP1, "e-1")).isTrue();
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void keepsExactlyTheLatestWindowThroughManyEvictions() {
        int capacity = 1_000;
        IntakeDeduplicator recent = new IntakeDeduplicator(capacity);
        int total = 200_000;
        IntStream.range(0, total).forEach(i -> recent.remember(OP1, "e-" + i));

        long keptRecent = IntStream.range(total - capacity, total)
                .filter(i -> recent.contains(OP1, "e-" + i))
                .count();
        long keptOld = IntStream.range(0, total - capacity)
                .filter(i -> recent.contains(OP1, "e-" + i))
                .count();
        assertThat(keptRecent).isEqualTo(capacity);
        assertThat(keptOld).isZero();
    }
}
