package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RequestFailuresTest {

    @Test
    void anUnreachableNodeIsRetried() {
        assertThat(RequestFailures.retriable(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void anOverloadedNodeIsRetried() {
        assertThat(RequestFailures.retriable(error(429))).isTrue();
        assertThat(RequestFailures.retriable(error(503))).isTrue();
    }

    @Test
    void aRefusalThatRetryingCannotFixIsNot() {
        assertThat(RequestFailures.retriable(new CompletionException(error(401))))
                .isFalse();
        assertThat(RequestFailures.retriable(error(413))).isFalse();
    }

    @Test
    void backoffGrowsFromAHundredMillisToAtMostFiveSeconds() {
        assertThat(RequestFailures.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(RequestFailures.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(RequestFailures.backoff(40)).isEqualTo(RequestFailures.MAX_BACKOFF);
    }

    private static ElasticsearchException error(int status) {
        return new ElasticsearchException(
                "bulk",
                ErrorResponse.of(r -> r.status(status).error(e -> e.type("x").reason("status " + status))));
    }
}
