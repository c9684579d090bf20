package org.eldercare.ingest.publish;

/**
 * Not every record of a batch was acknowledged by Kafka in time. Some may have been written anyway:
 * the caller must treat the whole batch as not accepted (HTTP 503) and may resend it, because
 * downstream dedup on {@code (source, id)} counts a resent event once.
 */
public class PublishFailedException extends Exception {

    private final int acknowledged;
    private final int total;

    public PublishFailedException(String message, int acknowledged, int total, Throwable cause) {
        super(message + " (" + acknowledged + " of " + total + " records acknowledged)", cause);
        this.acknowledged = acknowledged;
        this.total = total;
    }

    /** Records known to be written before the failure; informative only, the batch still failed. */
    public int acknowledged() {
        return acknowledged;
    }

    public int total() {
        return total;
    }
}
