package org.eldercare.tools.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Runs the whole streaming job ({@link IndicatorJob}, as {@code CoverageMiniClusterTest} runs it) on an in-process
 * MiniCluster ({@link JobEnvironment#local()}) over a register set: the register events and every noisy service record
 * as {@code service.delivered} of one operator's facility, raw CloudEvents as the intake sends them, so the job
 * parses, seals, resolves and counts them itself. Returns what a reader of the indexes would see at the end: the
 * coverage of every scope, each record's resolved recipient and each recipient document.
 */
final class CoveragePipeline {

    /** The operator and the facility every evaluation record is filed by (one facility: coverage counts people). */
    static final String OPERATOR = "op-eval";

    static final String FACILITY = "f-eval";

    /**
     * The job's outputs.
     *
     * @param events the events the job was given, in order, as sent
     * @param coverage the last indicator's {@code coverage} per scope code
     * @param records the last service-record document per {@code operatorId:recordId}
     * @param recipients the last recipients document per recipient id (current persons and redirects)
     * @param persons the register's person documents the job published, the last per person id
     * @param rejections the dead letters' first reasons
     * @param firstDay the Asia/Shanghai day the job started on
     * @param lastDay the day it ended on: coverage is "as of today", so a run across midnight is not comparable
     */
    record Output(
            List<CareEvent> events,
            Map<String, Coverage> coverage,
            Map<String, ServiceRecordDocument> records,
            Map<String, RecipientEntry> recipients,
            Map<String, PersonDocument> persons,
            List<String> rejections,
            LocalDate firstDay,
            LocalDate lastDay) {}

    private CoveragePipeline() {}

    /**
     * The events the job is given, in the order given: the facility, the register, then the records. Each keeps its
     * facts (dates, {@code startedAt}) but is sent now: the intake refuses a {@code time} more than 7 days old
     * (docs/CONTRACT.md §6.2), so the events are re-timed, one millisecond apart from an hour ago in their order,
     * which keeps the register's order of registrations and updates.
     */
    static List<CareEvent> events(RegisterSet set, OffsetDateTime sentFrom) {
        List<CareEvent> events =
                new ArrayList<>(set.events().size() + set.records().size() + 1);
        Street street = set.persons().getFirst().street();
        events.add(new CareEvent(
                "reg-" + FACILITY,
                CareEvent.OPERATOR_SOURCE_PREFIX + OPERATOR,
                EventType.FACILITY_REGISTERED,
                sentFrom,
                new FacilityDetails(
                        FACILITY,
                        FacilityKind.CARE_STATION,
                        "评估驿站 evaluation station",
                        street.districtCode(),
                        street.code(),
                        set.persons().getFirst().home(),
                        10,
                        20,
                        FacilityStatus.OPERATING)));
        events.addAll(set.events());
        for (LabelledRecord r : set.records()) {
            String operator = r.recordKey().substring(0, r.recordKey().indexOf(':'));
            String recordId = r.recordKey().substring(operator.length() + 1);
            OffsetDateTime at = r.at().atOffset(ZoneOffset.ofHours(8));
            events.add(new CareEvent(
                    "svc-" + recordId,
                    CareEvent.OPERATOR_SOURCE_PREFIX + operator,
                    EventType.SERVICE_DELIVERED,
                    at,
                    new ServiceDelivered(recordId, FACILITY, null, ServiceType.MEAL, at, 30, r.recipient())));
        }
        List<CareEvent> sent = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CareEvent e = events.get(i);
            sent.add(new CareEvent(e.id(), e.source(), e.type(), sentFrom.plusNanos(i * 1_000_000L), e.data()));
        }
        return sent;
    }

    /** The job over {@link #events}; {@code hmacKey} keys its ID digests. */
    static Output run(RegisterSet set, String hmacKey) {
        PiiSecrets secrets = RegisterPipeline.secrets(hmacKey);
        List<CareEvent> events = events(
                set, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        List<byte[]> raw = events.stream().map(CloudEventJson::write).toList();
        CollectedSink<IndicatorDocument> indicators = new CollectedSink<>("indicators");
        CollectedSink<ServiceRecordDocument> records = new CollectedSink<>("service-records");
        CollectedSink<RecipientEntry> recipients = new CollectedSink<>("recipients");
        CollectedSink<PersonDocument> persons = new CollectedSink<>("persons");
        CollectedSink<Rejection> deadLetters = new CollectedSink<>("dead-letters");
        JobSinks sinks = JobSinks.builder()
                .indicators(indicators)
                .indicatorHistory(new CollectedSink<IndicatorDocument>("indicator-history"))
                .facilities(new CollectedSink<FacilityDocument>("facilities"))
                .alerts(new CollectedSink<AlertDocument>("alerts"))
                .deadLetters(deadLetters)
                .serviceRecords(records)
                .recipients(recipients)
                .persons(persons)
                .build();
        try {
            Path checkpoints = Files.createTempDirectory("coverage-evaluation-chk");
            StreamingConfig config = StreamingConfig.defaults()
                    .with(StreamingConfig.PII_HMAC_KEY_FILE, secrets.hmacKeyFile())
                    .with(StreamingConfig.PII_KEYS_FILE, secrets.keysFile())
                    // Every change published at once: the last indicator per scope is the final count.
                    .withCoalesceInterval(Duration.ZERO)
                    .withParallelism(2)
                    .withCheckpointDir(checkpoints.toUri().toString());
            StreamExecutionEnvironment env =
                    JobEnvironment.of(config).resumable(false).local();
            LocalDate firstDay = today();
            var source = env.fromData(raw, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                    .setParallelism(1)
                    .name("evaluation events");
            IndicatorJob.build(env, source, sinks, config);
            env.execute("coverage evaluation");
            LocalDate lastDay = today();

            Map<String, Coverage> coverage = new HashMap<>();
            indicators.drain().forEach(d -> coverage.put(d.code(), d.coverage()));
            Map<String, ServiceRecordDocument> byRecord = new HashMap<>();
            records.drain()
                    .forEach(d -> byRecord.put(ServiceRecordDocument.documentId(d.operatorId(), d.recordId()), d));
            Map<String, RecipientEntry> byRecipient = new HashMap<>();
            recipients.drain().forEach(e -> byRecipient.put(e.person().recipientId(), e));
            Map<String, PersonDocument> byPerson = new HashMap<>();
            persons.drain().forEach(d -> byPerson.put(d.personId(), d));
            List<String> rejections = deadLetters.drain().stream()
                    .map(r -> r.reasons().getFirst())
                    .toList();
            return new Output(events, coverage, byRecord, byRecipient, byPerson, rejections, firstDay, lastDay);
        } catch (IOException e) {
            throw new IllegalStateException("coverage evaluation: no temporary checkpoint directory", e);
        } catch (Exception e) {
            throw new IllegalStateException("coverage evaluation: the job failed", e);
        }
    }

    private static LocalDate today() {
        return LocalDate.ofEpochDay(ShanghaiTime.epochDay(System.currentTimeMillis()));
    }
}
