package org.eldercare.streaming.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.recipient.Services.HOME;
import static org.eldercare.streaming.recipient.Services.PHONE;
import static org.eldercare.streaming.recipient.Services.idNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.Resolution;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.junit.jupiter.api.Test;

/** The documents and state of recipient resolution: binary round trips, and JSON the strict mappings accept. */
class RecipientDocumentsTest {

    private static final ObjectMapper MAPPER = Elasticsearch.objectMapper();
    private static final RecipientNormalizer NORMALIZER =
            new RecipientNormalizer(Pii.withKey(Services.HMAC_KEY), new Addresses(Regions.load()));
    private static final String ID = idNumber("110115", LocalDate.of(1945, 5, 20), 31);

    private final ServiceDelivered record = Services.served(
                    1, new Recipient("刘桂兰", ID, PHONE, "F", null, HOME, new GeoPoint(39.73, 116.33)))
            .dataAs(ServiceDelivered.class);
    private final NormalizedRecipient recipient = NORMALIZER.normalize((Recipient) record.recipient());
    private final Person person = Person.first("rcp-0123456789abcdef", Instant.parse("2025-03-01T00:00:00Z"), recipient)
            .withRecord(
                    NORMALIZER.normalize(Services.recipient("劉桂蘭", null, "13900001111", null, null, null)),
                    Instant.parse("2025-03-02T00:00:00Z"));
    private final ServiceRecordDocument serviceRecord = ServiceRecordDocument.of(
            "op-1",
            record,
            recipient,
            new Resolution(person, false, 0.93, List.of("idNumber", "name"), List.of()),
            "2025-03-02T00:00:01Z");

    @Test
    void personSurvivesItsBinaryForm() throws Exception {
        assertThat(roundTrip(PersonSerializer.INSTANCE, person)).isEqualTo(person);
    }

    @Test
    void personKeepsTheDigestOfItsDwellingInItsBinaryForm() throws Exception {
        // Form 3 (docs/CONTRACT.md §7.6): the dwelling is resolution evidence kept only in the job's state.
        Person atHome = Person.first(
                "rcp-0123456789abcdef",
                Instant.parse("2025-03-01T00:00:00Z"),
                NORMALIZER.normalize(Services.recipient("雷山兰", null, null, null, "F", "大兴区康庄路171号院2号楼")));

        assertThat(atHome.profile().dwellingHashes()).singleElement().asString().doesNotContain("康庄");
        assertThat(roundTrip(PersonSerializer.INSTANCE, atHome).profile().dwellingHashes())
                .isEqualTo(atHome.profile().dwellingHashes());
    }

    @Test
    void serviceRecordSurvivesItsBinaryForm() throws Exception {
        assertThat(roundTrip(ServiceRecordSerializer.INSTANCE, serviceRecord)).isEqualTo(serviceRecord);
    }

    @Test
    void recipientEntriesSurviveTheirBinaryForm() throws Exception {
        RecipientEntry current = RecipientEntry.current(person, List.of("rcp-fedcba9876543210"));
        RecipientEntry redirect = RecipientEntry.redirect(
                "rcp-fedcba9876543210", person.recipientId(), Instant.parse("2025-03-03T00:00:00Z"), List.of("phone"));

        assertThat(roundTrip(RecipientEntrySerializer.INSTANCE, current)).isEqualTo(current);
        assertThat(roundTrip(RecipientEntrySerializer.INSTANCE, redirect)).isEqualTo(redirect);
    }

    @Test
    void personDocumentUsesOnlyMappedFieldsAndNoRawIdentifiers() throws Exception {
        JsonNode json = MAPPER.valueToTree(RecipientEntry.current(person, List.of("rcp-fedcba9876543210")));

        assertThat(fieldsOf(json)).isSubsetOf(mappedFields("mappings/recipients.json"));
        assertThat(json.get("recipientId").asText()).isEqualTo(person.recipientId());
        assertThat(json.get("mergedIds")).hasSize(1);
        assertThat(json.toString()).doesNotContain(ID).doesNotContain(PHONE);
    }

    @Test
    void personDocumentHoldsTheBirthYearAndDigestsButNoBirthDate() {
        JsonNode json = MAPPER.valueToTree(RecipientEntry.current(person, List.of()));

        // docs/CONTRACT.md §6.2: beside 110115********xxxx the date would give the whole ID number.
        assertThat(json.get("birthYear").asInt()).isEqualTo(1945);
        assertThat(json.toString()).doesNotContain("1945-05-20", "19450520", "05-20");
        assertThat(json.get("birthDigests"))
                .extracting(JsonNode::asText)
                .contains(NORMALIZER.pii().birthDateDigest(LocalDate.of(1945, 5, 20)));
    }

    @Test
    void serviceRecordDocumentHoldsTheBirthYearButNoBirthDate() {
        JsonNode json = MAPPER.valueToTree(serviceRecord);

        assertThat(json.at("/recipient/birthYear").asInt()).isEqualTo(1945);
        assertThat(json.toString()).doesNotContain("1945-05-20", "19450520");
    }

    @Test
    void serviceRecordStateWrittenWithAWholeBirthDateIsReadBackAsItsYear() {
        assertThat(ServiceRecordSerializer.birthYear("1945-05-20")).isEqualTo(1945);
        assertThat(ServiceRecordSerializer.birthYear("1945")).isEqualTo(1945);
        assertThat(ServiceRecordSerializer.birthYear(null)).isNull();
    }

    @Test
    void redirectDocumentNamesTheKeptIdAndCarriesNoEvidence() throws Exception {
        JsonNode json = MAPPER.valueToTree(RecipientEntry.redirect(
                "rcp-fedcba9876543210", person.recipientId(), Instant.parse("2025-03-03T00:00:00Z"), List.of("phone")));

        assertThat(fieldsOf(json)).isSubsetOf(mappedFields("mappings/recipients.json"));
        assertThat(json.get("recipientId").asText()).isEqualTo("rcp-fedcba9876543210");
        assertThat(json.get("mergedInto").asText()).isEqualTo(person.recipientId());
        assertThat(json.get("idHashes").isNull()).isTrue();
    }

    @Test
    void serviceRecordDocumentUsesOnlyMappedFields() throws Exception {
        JsonNode json = MAPPER.valueToTree(serviceRecord);

        assertThat(fieldsOf(json)).isSubsetOf(mappedFields("mappings/service-records.json"));
        assertThat(json.toString()).doesNotContain(ID).doesNotContain(PHONE);
    }

    private static <T> T roundTrip(ImmutableSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    /** Dotted paths of every field, objects descended into (a geo point's lat/lon are its own). */
    private static Set<String> fieldsOf(JsonNode json) {
        Set<String> fields = new HashSet<>();
        json.fieldNames().forEachRemaining(name -> {
            JsonNode value = json.get(name);
            if (value.isObject() && !value.has("lat")) {
                fieldsOf(value).forEach(f -> fields.add(name + "." + f));
            } else {
                fields.add(name);
            }
        });
        return fields;
    }

    private static Set<String> mappedFields(String resource) throws Exception {
        try (InputStream in = Elasticsearch.class.getClassLoader().getResourceAsStream(resource)) {
            return fieldsOfMapping(MAPPER.readTree(in).get("mappings").get("properties"));
        }
    }

    private static Set<String> fieldsOfMapping(JsonNode properties) {
        Set<String> fields = new HashSet<>();
        properties.fieldNames().forEachRemaining(name -> {
            JsonNode nested = properties.get(name).get("properties");
            if (nested != null) {
                fieldsOfMapping(nested).forEach(f -> fields.add(name + "." + f));
            } else {
                fields.add(name);
            }
        });
        return fields;
    }
}
