package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ReviewDecision;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.RecipientIds;
import org.eldercare.search.resolve.ReviewCase;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity review queue through the whole job (docs/CONTRACT.md §7.6): namesakes of one street are queued, not
 * merged; a reviewer's CONFIRM merges them through the merge path (the record re-pointed, the id redirected); a
 * reviewer's SPLIT keeps two people apart even when a later record fits both; a case a later record settles on its
 * own is closed as MERGED.
 */
class ReviewQueueMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final String HOME = "大兴区清源街道兴华大街1号院3号楼";
    private static final String NEIGHBOUR = "大兴区清源街道兴华大街1号院7号楼";
    private static final String OTHER_HOME = "大兴区清源街道康庄路20号院2号楼";
    private static final String OTHER_BUILDING = "大兴区清源街道康庄路20号院6号楼";
    private static final String WANG_PHONE = "13612345678";
    private static final String LI_PHONE = "13987654321";

    private final OffsetDateTime start =
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
    private int tick;

    @Test
    void confirmsAQueuedPairIntoOnePersonAndNeverMergesASplitPairAgain() throws Exception {
        String wang = RecipientIds.forFirstRecord("op-1:rec-1");
        String wangNeighbour = RecipientIds.forFirstRecord("op-1:rec-2");
        String li = RecipientIds.forFirstRecord("op-1:rec-3");
        String liByBirth = RecipientIds.forFirstRecord("op-1:rec-4");
        String confirmCase = ReviewCase.caseId(wang, wangNeighbour);
        String splitCase = ReviewCase.caseId(li, liByBirth);
        LocalDate liBorn = LocalDate.of(1941, 4, 2);

        List<CareEvent> events = new ArrayList<>();
        events.add(facility());
        // Namesakes in the street (another phone each) make the ID-less records below ambiguous, so they are queued.
        events.add(served(6, new Recipient("王秀英", null, "13800002222", "F", null, OTHER_HOME, null)));
        events.add(served(7, new Recipient("李桂兰", null, "13800003333", "F", null, HOME, null)));
        events.add(served(1, new Recipient("王秀英", null, WANG_PHONE, "F", null, HOME, null)));
        events.add(served(2, new Recipient("王秀英", null, null, "F", null, NEIGHBOUR, null)));
        events.add(served(3, new Recipient("李桂兰", null, LI_PHONE, "F", null, OTHER_HOME, null)));
        // Another building of the compound: the same name at the same dwelling would be a clear link (§7.6).
        events.add(served(4, new Recipient("李桂兰", null, null, "F", liBorn, OTHER_BUILDING, null)));
        events.add(reviewed("review-1", confirmCase, ReviewDecision.CONFIRM, "同一人，子女确认"));
        events.add(reviewed("review-2", splitCase, ReviewDecision.SPLIT, "两位老人，同名同街"));
        events.add(served(5, new Recipient("李桂兰", null, LI_PHONE, "F", liBorn, OTHER_HOME, null)));
        // A reviewer acts on what the queue shows, and the later record comes after the split.
        Map<String, String> waitFor = new LinkedHashMap<>();
        waitFor.put("review-1", confirmCase + "=OPEN");
        waitFor.put("review-2", splitCase + "=OPEN");
        waitFor.put("evt-5", splitCase + "=SPLIT");

        Sinks sinks = run("review", events, waitFor);
        CollectingSink<ServiceRecordDocument> records = sinks.records();
        CollectingSink<RecipientEntry> recipients = sinks.recipients();
        CollectingSink<ReviewCaseDocument> cases = sinks.cases();
        CollectingSink<Rejection> deadLetters = sinks.deadLetters();

        assertThat(deadLetters.collected()).isEmpty();
        Map<String, ReviewCaseDocument> latestCase = new LinkedHashMap<>();
        cases.collected().forEach(c -> latestCase.put(c.caseId(), c));
        assertThat(latestCase.get(confirmCase).status()).isEqualTo("CONFIRMED");
        assertThat(latestCase.get(confirmCase).decision().reason()).isEqualTo("同一人，子女确认");
        assertThat(latestCase.get(splitCase).status()).isEqualTo("SPLIT");
        assertThat(latestCase.get(splitCase).left().nameMasked()).isEqualTo("李*兰");
        assertThat(cases.collected().toString()).doesNotContain(WANG_PHONE, LI_PHONE, "1941-04-02");

        Map<String, ServiceRecordDocument> latestRecord = new LinkedHashMap<>();
        records.collected().forEach(r -> latestRecord.put(r.recordId(), r));
        assertThat(latestRecord.get("rec-2").recipientId())
                .as("the confirmed neighbour's record is re-pointed to the older person")
                .isEqualTo(wang);
        Map<String, RecipientEntry> latestRecipient = new LinkedHashMap<>();
        recipients.collected().forEach(e -> latestRecipient.put(e.documentId(), e));
        assertThat(latestRecipient.get(wangNeighbour).isRedirect()).isTrue();
        assertThat(latestRecipient.get(wang).person().servicesCount()).isEqualTo(2);

        assertThat(latestRecord.get("rec-5").recipientId()).isIn(li, liByBirth);
        assertThat(latestRecipient.get(li).isRedirect())
                .as("split: never merged again")
                .isFalse();
        assertThat(latestRecipient.get(liByBirth).isRedirect()).isFalse();
        assertThat(cases.collected().stream()
                        .filter(c -> c.caseId().equals(splitCase))
                        .dropWhile(c -> !c.status().equals("SPLIT"))
                        .map(ReviewCaseDocument::status))
                .as("the split pair is not queued again")
                .containsOnly("SPLIT");
    }

    private record Sinks(
            CollectingSink<ServiceRecordDocument> records,
            CollectingSink<RecipientEntry> recipients,
            CollectingSink<ReviewCaseDocument> cases,
            CollectingSink<Rejection> deadLetters) {}

    /** Runs the whole job over {@code events}, each held back by {@code waitFor} as {@link Gate} says. */
    private Sinks run(String name, List<CareEvent> events, Map<String, String> waitFor) throws Exception {
        CollectingSink<ServiceRecordDocument> records = new CollectingSink<>(name + "-records");
        CollectingSink<RecipientEntry> recipients = new CollectingSink<>(name + "-recipients");
        CollectingSink<ReviewCaseDocument> cases = new CollectingSink<>(name + "-cases");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>(name + "-dead-letters");
        JobSinks jobSinks = CollectingJobSinks.named(name)
                .deadLetters(deadLetters)
                .serviceRecords(records)
                .recipients(recipients)
                .persons(new CollectingSink<PersonDocument>(name + "-persons"))
                .reviewCases(cases)
                .build();
        StreamingConfig config = StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        var source = env.fromData(
                        events.stream().map(CloudEventJson::write).toList(),
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1)
                .map(new Gate(waitFor, cases), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1);
        IndicatorJob.build(env, source, jobSinks, config);
        env.execute(name + " queue test");
        return new Sinks(records, recipients, cases, deadLetters);
    }

    @Test
    void closesACaseALaterRecordSettlesOnItsOwnAsMerged() throws Exception {
        String byPhone = RecipientIds.forFirstRecord("op-1:rec-11");
        String byBirth = RecipientIds.forFirstRecord("op-1:rec-12");
        String queued = ReviewCase.caseId(byPhone, byBirth);
        LocalDate born = LocalDate.of(1940, 3, 8);
        List<CareEvent> events = new ArrayList<>();
        events.add(facility());
        // A namesake in the street makes the by-birth record ambiguous: it is queued against the by-phone person.
        events.add(served(10, new Recipient("王秀英", null, "13800002222", "F", null, OTHER_HOME, null)));
        events.add(served(11, new Recipient("王秀英", null, WANG_PHONE, "F", null, HOME, null)));
        events.add(served(12, new Recipient("王秀英", null, null, "F", born, NEIGHBOUR, null)));
        // Then a record with both the phone and the birth date: it links to both clearly, and they are merged.
        events.add(served(13, new Recipient("王秀英", null, WANG_PHONE, "F", born, HOME, null)));

        Sinks sinks = run("settled", events, Map.of("evt-13", queued + "=OPEN"));

        assertThat(sinks.deadLetters().collected()).isEmpty();
        Map<String, RecipientEntry> latestRecipient = new LinkedHashMap<>();
        sinks.recipients().collected().forEach(e -> latestRecipient.put(e.documentId(), e));
        assertThat(latestRecipient.get(byBirth).isRedirect()).isTrue();
        Map<String, ReviewCaseDocument> latestCase = new LinkedHashMap<>();
        sinks.cases().collected().forEach(c -> latestCase.put(c.caseId(), c));
        assertThat(latestCase.get(queued).status())
                .as("nothing is left to decide")
                .isEqualTo(ReviewCaseDocument.MERGED);
        assertThat(latestCase.get(queued).decision()).isNull();
    }

    private CareEvent facility() {
        return new CareEvent(
                "reg-f-1",
                CareEvent.OPERATOR_SOURCE_PREFIX + "op-1",
                EventType.FACILITY_REGISTERED,
                start.plusSeconds(++tick),
                new FacilityDetails(
                        "f-1",
                        FacilityKind.CARE_STATION,
                        "驿站 f-1",
                        "110115",
                        "110115001",
                        new GeoPoint(39.74, 116.33),
                        10,
                        20,
                        FacilityStatus.OPERATING));
    }

    private CareEvent served(int n, Recipient recipient) {
        OffsetDateTime at = start.plusSeconds(++tick);
        return new CareEvent(
                "evt-" + n,
                CareEvent.OPERATOR_SOURCE_PREFIX + "op-1",
                EventType.SERVICE_DELIVERED,
                at,
                new ServiceDelivered("rec-" + n, "f-1", null, ServiceType.BATHING, at, 45, recipient));
    }

    private CareEvent reviewed(String id, String caseId, ReviewDecision decision, String reason) {
        String[] sides = caseId.split("\\|");
        return new CareEvent(
                id,
                CareEvent.REVIEWER_SOURCE_PREFIX + "reviewer-1",
                EventType.IDENTITY_REVIEWED,
                start.plusSeconds(++tick),
                new IdentityReviewed(caseId, sides[0], sides[1], decision, "reviewer-1", reason));
    }

    /** Holds an event back until the queue shows a case in a status, as a reviewer would wait to see it. */
    private record Gate(Map<String, String> waitFor, CollectingSink<ReviewCaseDocument> cases)
            implements MapFunction<byte[], byte[]> {

        @Override
        public byte[] map(byte[] event) throws Exception {
            String id = new ObjectMapper().readTree(event).get("id").asText();
            String condition = waitFor.get(id);
            if (condition != null) {
                String caseId = condition.substring(0, condition.indexOf('='));
                String status = condition.substring(condition.indexOf('=') + 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (cases.collected().stream()
                        .noneMatch(c -> c.caseId().equals(caseId) && c.status().equals(status))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the queue never showed " + condition);
                    }
                    Thread.sleep(20);
                }
            }
            return event;
        }
    }
}
