package org.eldercare.tools.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.eldercare.streaming.serde.StreamTypes;

/**
 * Runs the streaming job's own recipient resolution ({@link RecipientResolution#attach}: records prepared by {@code
 * resolve.parallelism} instances, then the one resolver) on an in-process MiniCluster over an evaluation set's
 * records, as {@code service.delivered} events sealed as the intake seals them, in the set's order from one source.
 * Returns what a reader of the indexes sees at the end: each record's recipient, redirects followed.
 */
public final class ResolutionPipeline {

    /** The facility every evaluation record is filed by. */
    static final String FACILITY = "f-eval";

    /**
     * The job's outcome.
     *
     * @param recipientOf per record key ({@code operatorId:recordId}), the current recipient id
     * @param merges the ids that ended as redirects
     */
    public record Output(Map<String, String> recipientOf, int merges) {}

    private ResolutionPipeline() {}

    /** The records of the evaluation set of {@code seed} with {@code persons} persons, as raw events in time order. */
    public static List<CareEvent> serviceEvents(long seed, int persons) {
        return serviceEvents(new EvaluationSetGenerator(seed, Regions.load()).generate(persons));
    }

    static List<CareEvent> serviceEvents(EvaluationSet set) {
        List<CareEvent> events = new ArrayList<>(set.records().size());
        for (LabelledRecord r : set.records()) {
            String operator = r.recordKey().substring(0, r.recordKey().indexOf(':'));
            String recordId = r.recordKey().substring(operator.length() + 1);
            OffsetDateTime at = r.at().atOffset(ZoneOffset.ofHours(8));
            events.add(new CareEvent(
                    "svc-" + r.recordKey(),
                    CareEvent.OPERATOR_SOURCE_PREFIX + operator,
                    EventType.SERVICE_DELIVERED,
                    at,
                    new ServiceDelivered(recordId, FACILITY, null, ServiceType.MEAL, at, 30, r.recipient())));
        }
        return events;
    }

    /** The job's resolution of {@code events} (raw), its records prepared by {@code parallelism} instances. */
    public static Output run(List<CareEvent> events, int parallelism, String hmacKey) {
        PiiSecrets secrets = RegisterPipeline.secrets(hmacKey);
        RecipientTokeniser tokeniser = secrets.tokeniser();
        List<CareEvent> sealed = events.stream().map(tokeniser::seal).toList();
        CollectedSink<ServiceRecordDocument> records = new CollectedSink<>("service-records");
        CollectedSink<RecipientEntry> recipients = new CollectedSink<>("recipients");
        try {
            Path checkpoints = Files.createTempDirectory("resolution-evaluation-chk");
            StreamingConfig config = StreamingConfig.defaults()
                    .withParallelism(parallelism)
                    .with(StreamingConfig.RESOLVE_PARALLELISM, parallelism)
                    .withCheckpointDir(checkpoints.toUri().toString());
            StreamExecutionEnvironment env =
                    JobEnvironment.of(config).resumable(false).local();
            RecipientResolution.attach(
                    env.fromData(sealed, StreamTypes.CARE_EVENT)
                            .setParallelism(1)
                            .name("evaluation records"),
                    null,
                    secrets,
                    config.resolveParallelism(), // 0: the environment's, whatever built it
                    records,
                    recipients,
                    null);
            env.execute("resolution evaluation, resolve.parallelism=" + parallelism);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("resolution evaluation: the job failed", e);
        }
        Map<String, String> redirects = new HashMap<>();
        recipients.drain().stream()
                .filter(RecipientEntry::isRedirect)
                .forEach(e -> redirects.put(e.documentId(), e.mergedInto()));
        Map<String, String> recipientOf = new LinkedHashMap<>();
        for (ServiceRecordDocument d : records.drain()) {
            recipientOf.put(ServiceRecordDocument.documentId(d.operatorId(), d.recordId()), d.recipientId());
        }
        recipientOf.replaceAll((record, id) -> current(redirects, id));
        return new Output(recipientOf, redirects.size());
    }

    private static String current(Map<String, String> redirects, String id) {
        String at = id;
        for (String next = redirects.get(at); next != null && !next.equals(at); next = redirects.get(at)) {
            at = next;
        }
        return at;
    }
}
