package org.eldercare.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final AtomicLong nanos = new AtomicLong();

    @Test
    void saysHowLongUntilTheNextRequestFits() {
        TokenBuckets buckets = new TokenBuckets(2.0, 1, 10, nanos::get);

        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isEqualTo(500_000_000L);
        nanos.addAndGet(500_000_000L);
        assertThat(buckets.tryTake("a")).isZero();
    }

    @Test
    void keepsAtMostMaxKeysBucketsDroppingIdleOnesFirst() {
        TokenBuckets buckets = new TokenBuckets(1.0, 1, 3, nanos::get);
        buckets.tryTake("busy");
        buckets.tryTake("idle-1");
        buckets.tryTake("idle-2");
        nanos.addAndGet(2_000_000_000L);
        buckets.tryTake("busy");

        buckets.tryTake("new");

        assertThat(buckets.size()).isLessThanOrEqualTo(3);
        assertThat(buckets.tryTake("busy"))
                .as("the busy key kept its empty bucket")
                .isPositive();
    }
}
