package org.eldercare.api.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
 * per-event errors; 400 when the body is no event at all; 413 over the limits; 503 when Kafka cannot
 * take the events in time.
 */
@RestController
class EventController {

    static final String SINGLE = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final EventReader reader;
    private final Intake intake;
    private final ObjectMapper json = CloudEventJson.mapper();

    EventController(EventReader reader, Intake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/events", consumes = SINGLE)
    ResponseEntity<IntakeResponse> single(HttpServletRequest request) throws IOException {
        JsonNode node = parse(RequestBodies.read(request, IntakeLimits.MAX_BODY_BYTES));
        if (!node.isObject()) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must be a CloudEvent JSON object");
        }
        return accepted(List.of(reader.read(node)), List.of(node));
    }

    @PostMapping(path = "/api/v1/events", consumes = BATCH)
    ResponseEntity<IntakeResponse> batch(HttpServletRequest request) throws IOException {
        JsonNode node = parse(RequestBodies.read(request, IntakeLimits.MAX_BODY_BYTES));
        if (!node.isArray()) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must be a JSON array of CloudEvents");
        }
        if (node.size() > IntakeLimits.MAX_BATCH_EVENTS) {
            throw new RequestRefusedException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body: must hold at most " + IntakeLimits.MAX_BATCH_EVENTS + " events, got " + node.size());
        }
        List<ReadResult> results = new ArrayList<>(node.size());
        List<JsonNode> nodes = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            results.add(reader.read(element));
            nodes.add(element);
        }
        return accepted(results, nodes);
    }

    private ResponseEntity<IntakeResponse> accepted(List<ReadResult> results, List<JsonNode> nodes) {
        // Raw text is only rendered for rejected events, which go to the dead-letter topic as received.
        List<String> raw = new LazyRawEvents(nodes);
        return ResponseEntity.accepted().body(intake.submit(CurrentCaller.get(), results, raw));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must not be empty");
            }
            return node;
        } catch (IOException e) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: is not valid JSON");
        }
    }
}
