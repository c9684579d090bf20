package org.eldercare.ingest.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.VisitCompleted;

/**
 * Reads structured-mode CloudEvents and checks every rule of docs/CONTRACT.md §1 that needs no state:
 * envelope, sender kind, time window, the data of each type, and district and street codes against
 * the reference data. Ownership, unknown facilities and capacity are judged downstream.
 *
 * <p>Every error of an event is collected, each as {@code "field: rule"}. Never throws, whatever the
 * input; thread-safe, so one instance serves a whole application.
 */
public final class EventReader {

    static final String NOT_AN_OBJECT = "$: must be a JSON object";

    private final ObjectMapper mapper = CloudEventJson.mapper();
    private final Clock clock;
    private final DataReaders dataReaders;

    public EventReader(StreetDirectory streets, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataReaders = new DataReaders(new RegionCodes(Objects.requireNonNull(streets, "streets")));
    }

    /** One event, judged at the clock's current instant. */
    public ReadResult read(byte[] json) {
        return json == null ? notAnObject("") : read(json, 0, json.length, clock.instant());
    }

    /** One event in {@code json[offset, offset + length)}, judged at {@code now}. */
    public ReadResult read(byte[] json, int offset, int length, Instant now) {
        JsonNode node;
        try {
            node = mapper.readTree(json, offset, length);
        } catch (IOException | RuntimeException e) {
            return notAnObject(" (" + describe(e) + ")");
        }
        return read(node, now);
    }

    /**
     * The value of a Kafka record from {@code eldercare.events.v1}, as operators may produce it
     * directly. The time window is judged at the broker's append time when the topic records one
     * (so a replay judges alike), else at the clock; a producer's own timestamp is not trusted.
     */
    public ReadResult read(ConsumerRecord<?, byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return notAnObject(" (the record has no value)");
        }
        boolean appendTime = record.timestampType() == TimestampType.LOG_APPEND_TIME && record.timestamp() >= 0;
        Instant now = appendTime ? Instant.ofEpochMilli(record.timestamp()) : clock.instant();
        return read(value, 0, value.length, now);
    }

    public ReadResult read(JsonNode node) {
        return read(node, clock.instant());
    }

    public ReadResult read(JsonNode node, Instant now) {
        if (node == null || !node.isObject()) {
            return notAnObject("");
        }
        List<String> errors = new ArrayList<>(4);
        try {
            Fields event = new Fields(node, "", errors);
            Envelope envelope = Envelope.read(event, now);
            Fields data = event.object("data", true);
            EventData payload =
                    envelope.type() == null || data == null ? null : dataReaders.read(envelope.type(), data, now);
            if (payload instanceof VisitCompleted visit
                    && envelope.time() != null
                    && visit.visitedAt().isAfter(envelope.time())) {
                data.error("visitedAt", "must not be after time");
            }
            if (errors.isEmpty()) {
                return new ReadResult.Valid(
                        new CareEvent(envelope.id(), envelope.source(), envelope.type(), envelope.time(), payload));
            }
        } catch (RuntimeException e) {
            // A bug here must cost one event, never the request or the stream.
            errors.add("$: could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return new ReadResult.Invalid(echo(node, "id"), echo(node, "source"), echo(node, "type"), errors);
    }

    /** A batch body: a JSON array of events, each judged at the same instant. */
    public BatchRead readBatch(byte[] json) {
        if (json == null) {
            return new BatchRead.Malformed("the body must be a JSON array of events");
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (IOException | RuntimeException e) {
            return new BatchRead.Malformed("the body is not valid JSON (" + describe(e) + ")");
        }
        if (node == null || !node.isArray()) {
            return new BatchRead.Malformed("the body must be a JSON array of events");
        }
        Instant now = clock.instant();
        List<ReadResult> results = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            results.add(read(element, now));
        }
        return new BatchRead.Events(results);
    }

    private static ReadResult notAnObject(String detail) {
        return new ReadResult.Invalid(null, null, null, List.of(NOT_AN_OBJECT + detail));
    }

    private static String echo(JsonNode node, String attribute) {
        return Text.cut(node.path(attribute).textValue(), Limits.ECHO_MAX);
    }

    /** Where the JSON broke, without quoting it: the input may hold personal data. */
    private static String describe(Exception e) {
        JsonLocation where = e instanceof JsonProcessingException p ? p.getLocation() : null;
        return where == null || where.getLineNr() < 0
                ? "not valid JSON"
                : "not valid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
}
