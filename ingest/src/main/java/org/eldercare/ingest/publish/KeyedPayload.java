package org.eldercare.ingest.publish;

import java.util.Objects;

/** One Kafka record to write: its key and its already-serialised value. */
public record KeyedPayload(String key, byte[] value) {
    public KeyedPayload {
        Objects.requireNonNull(value, "value");
    }
}
