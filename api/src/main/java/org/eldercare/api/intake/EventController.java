package org.eldercare.api.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.validation.EventReader;
import org.eldercare.ingest.validation.ReadResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: one CloudEvent ({@code application/cloudevents+json}) or a batch
 * ({@code application/cloudevents-batch+json}, at most 5,000 events and 5 MiB). Answers 202 with
 * per-event errors; 400 when the body is no event at all; 413 over the limits, checked while the body is
 * parsed; 503 when Kafka cannot take the events in time.
 */
@RestController
class EventController {

    static final String SINGLE = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final EventReader reader;
    private final Intake intake;
    private final ObjectMapper json = CloudEventJson.mapper();
    // Reads one value of a stream; trailing content is checked once, at the end of the body.
    private final ObjectReader tree = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    EventController(EventReader reader, Intake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/events", consumes = SINGLE)
    ResponseEntity<IntakeResponse> single(HttpServletRequest request) throws IOException {
        JsonNode node = readBody(request, this::readEvent);
        return accepted(List.of(reader.read(node)), List.of(node));
    }

    @PostMapping(path = "/api/v1/events", consumes = BATCH)
    ResponseEntity<IntakeResponse> batch(HttpServletRequest request) throws IOException {
        List<JsonNode> nodes = readBody(request, this::readBatch);
        List<ReadResult> results = new ArrayList<>(nodes.size());
        for (JsonNode element : nodes) {
            results.add(reader.read(element));
        }
        return accepted(results, nodes);
    }

    private JsonNode readEvent(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must not be empty");
        }
        JsonNode node = tree.readTree(parser);
        if (!node.isObject()) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must be a CloudEvent JSON object");
        }
        return node;
    }

    /**
     * The array's elements, counted as they are parsed: the request is refused at element 5,001 without
     * reading the rest, so an oversized batch never becomes a tree (docs/CONTRACT.md §6.3).
     */
    private List<JsonNode> readBatch(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must not be empty");
        }
        if (first != JsonToken.START_ARRAY) {
            parser.skipChildren(); // a malformed body is refused for not being JSON, as before
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must be a JSON array of CloudEvents");
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            if (next == null) {
                throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: is not valid JSON");
            }
            if (nodes.size() == IntakeLimits.MAX_BATCH_EVENTS) {
                throw new RequestRefusedException(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "body: must hold at most " + IntakeLimits.MAX_BATCH_EVENTS + " events; event "
                                + (IntakeLimits.MAX_BATCH_EVENTS + 1) + " is over");
            }
            nodes.add(tree.readTree(parser));
        }
        return nodes;
    }

    /** Parses the body as it arrives, within the 5 MiB limit, and refuses trailing content. */
    private <T> T readBody(HttpServletRequest request, BodyReader<T> read) throws IOException {
        try (InputStream in = RequestBodies.stream(request, IntakeLimits.MAX_BODY_BYTES);
                JsonParser parser = json.createParser(in)) {
            T value = read.read(parser);
            if (parser.nextToken() != null) {
                throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: is not valid JSON");
            }
            return value;
        } catch (RequestBodies.OverLimit e) {
            throw RequestBodies.tooLarge(IntakeLimits.MAX_BODY_BYTES);
        } catch (JacksonException e) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: is not valid JSON");
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    private ResponseEntity<IntakeResponse> accepted(List<ReadResult> results, List<JsonNode> nodes) {
        // Raw text is only rendered for rejected events, which go to the dead-letter topic as received.
        List<String> raw = new LazyRawEvents(nodes);
        return ResponseEntity.accepted().body(intake.submit(CurrentCaller.get(), results, raw));
    }
}
