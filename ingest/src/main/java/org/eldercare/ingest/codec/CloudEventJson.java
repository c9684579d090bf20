package org.eldercare.ingest.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eldercare.ingest.event.CareEvent;

/**
 * Writes {@link CareEvent}s as CloudEvents 1.0 in structured JSON mode, the form docs/CONTRACT.md §1 receives
 * and the form on the {@code eldercare.events.v1} topic. Reading goes through {@code
 * org.eldercare.ingest.validation.EventReader}, which validates while it reads.
 *
 * <p>Absent optional fields (a null {@code recipientId}, {@code caregiverId} or recipient field) are
 * omitted. Times are RFC 3339 with the offset the event came with.
 */
public final class CloudEventJson {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 𠀀 as its 4 UTF-8 bytes, not as an escaped surrogate pair.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final ObjectWriter DATA_WRITER = MAPPER.writer();

    private CloudEventJson() {}

    /**
     * The shared mapper: Jackson 2 with java.time support, ISO dates, nulls omitted and trailing
     * tokens refused. Thread-safe; do not reconfigure it ({@code mapper().copy()} gives one you may).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The event as UTF-8 structured-mode CloudEvent JSON. */
    public static byte[] write(CareEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", SPEC_VERSION);
            json.writeStringField("id", event.id());
            json.writeStringField("source", event.source());
            json.writeStringField("type", event.type().wireName());
            json.writeStringField("time", Rfc3339.format(event.time()));
            json.writeStringField("datacontenttype", DATA_CONTENT_TYPE);
            json.writeFieldName("data");
            DATA_WRITER.writeValue(json, event.data());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write event " + event.id(), e);
        }
        return out.toByteArray();
    }

    public static String writeString(CareEvent event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }
}
