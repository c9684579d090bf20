package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eldercare.streaming.sink.SinkFixtures.facility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.eldercare.search.document.FacilityDocument;
import org.junit.jupiter.api.Test;

class BulkEntryConverterTest {

    private final BulkEntryConverter<FacilityDocument> converter =
            new BulkEntryConverter<>("facilities", FacilityDocument::facilityId);

    @Test
    void usesTheDeterministicIdAndTheIndex() {
        BulkEntry entry = converter.apply(facility("fac-1", 40, 12), null);

        assertThat(entry.index()).isEqualTo("facilities");
        assertThat(entry.id()).isEqualTo("fac-1");
    }

    @Test
    void theSameDocumentAlwaysBecomesTheSameEntry() {
        BulkEntry first = converter.apply(facility("fac-1", 40, 12), null);
        BulkEntry again = converter.apply(facility("fac-1", 40, 12), null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void writesTheDocumentAsJsonWithIsoTimes() throws Exception {
        BulkEntry entry = converter.apply(facility("fac-1", 40, 12), null);

        JsonNode json = new ObjectMapper().readTree(entry.json());
        assertThat(json.get("freeBeds").asInt()).isEqualTo(28);
        assertThat(json.at("/location/lat").asDouble()).isEqualTo(39.94);
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-22T12:00:00+08:00");
    }

    @Test
    void refusesADocumentWithoutIdNamingTheIndex() {
        assertThatThrownBy(() -> converter.apply(facility(null, 40, 12), null))
                .hasMessage("facilities: idOf returned no id for a FacilityDocument");
    }

    @Test
    void survivesJavaSerialisationAsTheJobGraphNeeds() throws Exception {
        converter.apply(facility("fac-1", 40, 12), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(converter);
        }
        @SuppressWarnings("unchecked")
        BulkEntryConverter<FacilityDocument> copy = (BulkEntryConverter<FacilityDocument>)
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        assertThat(copy.apply(facility("fac-2", 10, 0), null).id()).isEqualTo("fac-2");
    }
}
