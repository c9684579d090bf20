package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;

/**
 * The serializers that plan progress changed (docs/CONTRACT.md §8) still read the form the previous release wrote,
 * so its checkpoints restore: each new form appended its fields, so the previous form is the new bytes without them,
 * read back with the new fields at their defaults.
 */
class PlanProgressFormsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");

    private static <T> byte[] bytes(ImmutableSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static <T> T readOldForm(ImmutableSerializer<T> serializer, byte[] bytes, int form) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T value = serializer.readerOf(form).deserialize(in);
        assertThat(in.available()).as("form %d read to its end", form).isZero();
        return value;
    }

    @Test
    void aFacilityEventOfFormThreeReadsWithNoNursingBeds() throws Exception {
        CareEvent withNursing = Events.institution(EventType.FACILITY_REGISTERED, "f-2", 100, 60, "110115001");
        byte[] form4 = bytes(CareEventSerializer.INSTANCE, withNursing);
        byte[] form3 = Arrays.copyOf(form4, form4.length - Integer.BYTES);

        CareEvent read = readOldForm(CareEventSerializer.INSTANCE, form3, 3);

        assertThat(CareEventSerializer.INSTANCE.formatVersion()).isGreaterThanOrEqualTo(4);
        assertThat(read.dataAs(FacilityDetails.class).nursingBeds()).isZero();
        assertThat(read.dataAs(FacilityDetails.class).beds()).isEqualTo(100);
    }

    @Test
    void aFacilityDocumentOfFormOneReadsWithNoNursingBeds() throws Exception {
        FacilityDocument doc = new FacilityDocument(
                "f-2",
                "op-1",
                "院",
                "INSTITUTION",
                "110115",
                "110115001",
                new GeoPoint(39.7, 116.3),
                100,
                3,
                97,
                0,
                "OPERATING",
                4,
                1,
                AT,
                AT,
                60);
        byte[] form2 = bytes(FacilityDocumentSerializer.INSTANCE, doc);

        FacilityDocument read =
                readOldForm(FacilityDocumentSerializer.INSTANCE, Arrays.copyOf(form2, form2.length - Integer.BYTES), 1);

        assertThat(read.nursingBeds()).isZero();
        assertThat(read.beds()).isEqualTo(100);
    }

    @Test
    void anAlertOfFormOneReadsWithNoParams() throws Exception {
        AlertDocument alert =
                new AlertDocument("REJECT_SPIKE:op-1", "REJECT_SPIKE", "op-1", null, "m", true, AT, AT, Map.of());
        byte[] form2 = bytes(AlertSerializer.INSTANCE, alert);

        AlertDocument read =
                readOldForm(AlertSerializer.INSTANCE, Arrays.copyOf(form2, form2.length - Integer.BYTES), 1);

        assertThat(read).isEqualTo(alert);
    }

    @Test
    void anIndicatorOfFormOneReadsWithoutNursingBedsOrTrajectories() throws Exception {
        IndicatorDocument old = new IndicatorDocument(
                "110115",
                "大兴区",
                "DISTRICT",
                1_993_591L,
                299_208L,
                100,
                0.05,
                100,
                0.05,
                3,
                0.03,
                1,
                141,
                1,
                0,
                5,
                4,
                0.2,
                2,
                9,
                10,
                List.of(new TargetStatus("careStations", 140, ">=", true, 141.0, true)),
                AT);
        byte[] form2 = bytes(IndicatorSerializer.INSTANCE, old);
        // Form 2 is form 1 followed by the plan-progress block: a form-1 reader stops where that block starts.
        DataInputDeserializer in = new DataInputDeserializer(form2);
        IndicatorSerializer.INSTANCE.readerOf(1).deserialize(in);
        byte[] form1 = Arrays.copyOf(form2, form2.length - in.available());

        IndicatorDocument read = readOldForm(IndicatorSerializer.INSTANCE, form1, 1);

        assertThat(in.available()).as("form 2 appended a block").isPositive();
        assertThat(read).isEqualTo(old);
        assertThat(read.institutionNursingBeds()).isZero();
        assertThat(read.nursingBedShare()).isNull();
        assertThat(read.targets().getFirst().expected()).isNull();
    }
}
