package org.eldercare.ingest.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link Rejection} on {@link org.eldercare.ingest.topic.Topics#DEAD_LETTERS}:
 * one object with the record's field names, {@code rejectedAt} as RFC 3339 with its offset, null
 * fields omitted. Readers ignore fields they do not know, so the record may grow.
 */
public final class DeadLetterCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private DeadLetterCodec() {}

    public static byte[] write(Rejection rejection) {
        try {
            return MAPPER.writeValueAsBytes(rejection);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write rejection of event " + rejection.eventId(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a rejection's JSON */
    public static Rejection read(byte[] json) {
        try {
            return MAPPER.readValue(json, Rejection.class);
        } catch (IOException e) {
            // Jackson's message may quote the payload, which can hold personal data: keep it out.
            throw new IllegalArgumentException("dead letter: must be a rejection JSON object");
        }
    }
}
