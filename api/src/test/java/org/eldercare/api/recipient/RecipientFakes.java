package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.match.InMemoryCandidateSource;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.Resolution;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Recipients as the streaming job indexes them, without Elasticsearch: service records resolved by the real
 * resolver and turned into the real {@code recipients} and {@code service-records} documents (as JSON, the way
 * the directory reads them), the real matcher over them, and an audit log that records or fails on demand.
 */
@TestConfiguration
class RecipientFakes {

    /** The key of application-test.yml, so query hashes agree with the documents'. */
    static final String HMAC_KEY = "eldercare-demo-hmac-key-change-me";

    static final LocalDate HIS_BIRTH = LocalDate.of(1940, 2, 16);
    static final String HIS_ID = id("110109", HIS_BIRTH, 866);
    static final String HIS_PHONE = "13566667777";
    static final LocalDate HER_BIRTH = LocalDate.of(1948, 8, 9);
    static final String HER_ID = id("110115", HER_BIRTH, 242);
    static final String HER_PHONE = "13922225555";

    /** Everything secret about one person that a response could give away. */
    record Secret(String idNumber, String phone, LocalDate birthDate) {}

    static final List<Secret> SECRETS =
            List.of(new Secret(HIS_ID, HIS_PHONE, HIS_BIRTH), new Secret(HER_ID, HER_PHONE, HER_BIRTH));

    static String id(String region, LocalDate birth, int sequence) {
        String body = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + IdNumbers.checkChar(body);
    }

    /** Records as operators send them: ID alone, phone with a stated date, phone alone. */
    static final List<Recipient> RECORDS = List.of(
            new Recipient("张建国", HIS_ID, HIS_PHONE, "M", null, "门头沟区大峪街道新桥大街1号", null),
            new Recipient("张建国", null, HIS_PHONE, null, HIS_BIRTH, null, null),
            new Recipient("刘桂兰", HER_ID, null, "F", null, "大兴区清源街道兴华大街1号", null),
            new Recipient("刘桂兰", null, HER_PHONE, "F", HER_BIRTH, "大兴区清源街道兴华大街1号", null));

    @Bean
    RecipientNormalizer testNormalizer(Regions regions) {
        return new RecipientNormalizer(Pii.withKey(HMAC_KEY), new Addresses(regions));
    }

    @Bean
    IndexedRecipients indexedRecipients(RecipientNormalizer normalizer) {
        return new IndexedRecipients(normalizer);
    }

    @Bean
    @Primary
    RecipientMatcher inMemoryMatcher(RecipientNormalizer normalizer, IndexedRecipients indexed) {
        return new RecipientMatcher(
                normalizer, new InMemoryCandidateSource(indexed.documents), ResolutionThresholds.DEFAULT);
    }

    @Bean
    @Primary
    RecipientDirectory inMemoryDirectory(IndexedRecipients indexed) {
        return new RecipientDirectory(null) {
            @Override
            Optional<JsonNode> recipient(String recipientId) {
                return Optional.ofNullable(indexed.persons.get(recipientId));
            }

            @Override
            Optional<JsonNode> serviceRecord(String operatorId, String recordId) {
                return Optional.ofNullable(indexed.records.get(operatorId + ":" + recordId));
            }

            @Override
            List<JsonNode> services(JsonNode person) {
                String id = person.path("recipientId").asText();
                return indexed.records.values().stream()
                        .filter(r -> r.path("recipientId").asText().equals(id))
                        .toList();
            }
        };
    }

    @Bean
    @Primary
    RecordingAuditLog recordingAuditLog() {
        return new RecordingAuditLog();
    }

    /** The two indexes' documents, as JSON from the streaming job's own document types. */
    static final class IndexedRecipients {
        final List<RecipientDocument> documents = new ArrayList<>();
        final Map<String, JsonNode> persons = new LinkedHashMap<>();
        final Map<String, JsonNode> records = new LinkedHashMap<>();

        IndexedRecipients(RecipientNormalizer normalizer) {
            ObjectMapper json = Elasticsearch.objectMapper();
            InMemoryPersonStore store = new InMemoryPersonStore();
            RecipientResolver resolver = new RecipientResolver(store, new MergeLog(), ResolutionThresholds.DEFAULT);
            for (int i = 0; i < RECORDS.size(); i++) {
                String recordId = "r-" + i;
                NormalizedRecipient normalized = normalizer.normalize(RECORDS.get(i));
                OffsetDateTime started =
                        OffsetDateTime.parse("2026-11-20T09:00:00+08:00").plusHours(i);
                Resolution resolution = resolver.resolve("op-1:" + recordId, started.toInstant(), normalized);
                ServiceDelivered record =
                        new ServiceDelivered(recordId, "f-1", "cg-1", ServiceType.MEAL, started, 30, RECORDS.get(i));
                ServiceRecordDocument doc = ServiceRecordDocument.of(
                        "op-1",
                        record,
                        normalized,
                        resolution,
                        Instant.parse("2026-11-20T02:00:00Z").toString());
                records.put(ServiceRecordDocument.documentId("op-1", recordId), json.valueToTree(doc));
            }
            store.persons().forEach(p -> {
                RecipientEntry entry = RecipientEntry.current(p, List.of());
                documents.add(entry.person());
                persons.put(p.recipientId(), json.valueToTree(entry));
            });
        }
    }

    /**
     * The real audit log over a {@link FakeTransport}: entries are kept as the index requests carried them;
     * while the transport is {@code failing}, every write fails as with an unreachable index.
     */
    static final class RecordingAuditLog extends AuditLog {
        final FakeTransport transport;

        RecordingAuditLog() {
            this(new FakeTransport());
        }

        private RecordingAuditLog(FakeTransport transport) {
            super(new ElasticsearchClient(transport), new SimpleMeterRegistry());
            this.transport = transport;
        }

        @Override
        List<JsonNode> newest(int page, int size) {
            ObjectMapper json = Elasticsearch.objectMapper();
            return transport.indexed.reversed().stream()
                    .map(i -> (JsonNode) json.valueToTree(i.document()))
                    .toList();
        }
    }
}
