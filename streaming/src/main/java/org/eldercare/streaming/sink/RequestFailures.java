package org.eldercare.streaming.sink;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Classifies a failed bulk request and paces its retries. */
final class RequestFailures {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private RequestFailures() {}

    /**
     * Retriable: the node is unreachable or times out (I/O), overloaded (429) or failing (5xx).
     * Anything else, such as 401 or 413, will not get better by itself and fails the job.
     */
    static boolean retriable(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ElasticsearchException e) {
            return statusRetriable(e.status());
        }
        if (cause instanceof TransportException e) {
            return e.statusCode() <= 0 || statusRetriable(e.statusCode());
        }
        return true;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Exponential from 100 ms, capped at {@link #MAX_BACKOFF}; {@code failures} counts from 1. */
    static Duration backoff(int failures) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private static boolean statusRetriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
