package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.IncidentAcknowledged;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StreamTypesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:00:00.123456789+08:00");

    static Stream<CareEvent> everyEventShape() {
        return Stream.of(
                Events.registered("f-1", CARE_STATION, 10),
                Events.institution(org.eldercare.ingest.event.EventType.FACILITY_UPDATED, "f-2", 100, 60, "110115001"),
                Events.statusChanged("f-1", org.eldercare.ingest.event.FacilityStatus.SUSPENDED),
                Events.bedOccupied("f-1", 2),
                Events.bedReleased("f-1", 1),
                Events.mealServed("f-1", 3),
                Events.hired("c-1", "f-1", true),
                Events.left("c-1", "f-1"),
                Events.shiftStarted("c-1", "f-1"),
                Events.shiftEnded("c-1", "f-1"),
                Events.serviceDelivered("f-1", "r-1"),
                sealedService(),
                Events.populationUpdated("110109001", 80_000, 20_000),
                terminal(
                        EventType.DEVICE_BOUND,
                        new DeviceBound("d-1", DeviceKind.WATER_METER, "p-1", "110109", "110109001", 300)),
                terminal(EventType.DEVICE_UNBOUND, new DeviceUnbound("d-1")),
                terminal(EventType.DEVICE_HEARTBEAT, new DeviceHeartbeat("d-1", null)),
                terminal(EventType.DEVICE_HEARTBEAT, new DeviceHeartbeat("d-1", 0)),
                terminal(EventType.DEVICE_SOS, new DeviceSos("d-1", new GeoPoint(39.9, 116.1), 12)),
                terminal(EventType.DEVICE_SOS, new DeviceSos("d-1", null, null)),
                terminal(EventType.METER_READING, new MeterReading("d-1", 81234.125)),
                terminal(
                        EventType.VISIT_COMPLETED,
                        new VisitCompleted("v-1", "f-1", "cg-1", "p-1", AT, 40, null, VisitConfirmation.CARD_SWIPE)),
                terminal(
                        EventType.INCIDENT_ACKNOWLEDGED,
                        new IncidentAcknowledged("inc-0123456789abcdef01234567", "已回电")),
                terminal(
                        EventType.INCIDENT_DISPATCHED,
                        new IncidentDispatched(
                                "inc-0123456789abcdef01234567",
                                new DispatchTarget(DispatchKind.EMERGENCY_120, null),
                                null,
                                null)),
                terminal(
                        EventType.INCIDENT_RESOLVED,
                        new IncidentResolved("inc-0123456789abcdef01234567", IncidentOutcome.HOSPITALISED, null)),
                new CareEvent(
                        "review-1",
                        "/reviewers/civil-affairs",
                        org.eldercare.ingest.event.EventType.IDENTITY_REVIEWED,
                        AT,
                        new org.eldercare.ingest.event.IdentityReviewed(
                                "rcp-a|rcp-b",
                                "rcp-a",
                                "rcp-b",
                                org.eldercare.ingest.event.ReviewDecision.SPLIT,
                                "civil-affairs",
                                "两位老人")),
                new CareEvent(
                        "review-2",
                        "/reviewers/hotline-match",
                        org.eldercare.ingest.event.EventType.IDENTITY_REVIEW_REQUESTED,
                        AT,
                        new org.eldercare.ingest.event.IdentityReviewRequested("rcp-a", "rcp-b", "MATCH")));
    }

    private static CareEvent terminal(EventType type, org.eldercare.ingest.event.EventData data) {
        return new CareEvent("t-" + type.ordinal(), "/operators/op-1", type, AT, data);
    }

    /** The form every service record has after parsing (docs/CONTRACT.md §6.7). */
    private static CareEvent sealedService() {
        CareEvent raw = Events.serviceDelivered("f-1", "r-2");
        org.eldercare.ingest.event.ServiceDelivered d = raw.dataAs(org.eldercare.ingest.event.ServiceDelivered.class);
        return new CareEvent(
                raw.id(),
                raw.source(),
                raw.type(),
                raw.time(),
                new org.eldercare.ingest.event.ServiceDelivered(
                        d.recordId(),
                        d.facilityId(),
                        d.caregiverId(),
                        d.serviceType(),
                        d.startedAt(),
                        d.durationMinutes(),
                        new org.eldercare.ingest.event.SealedRecipient(
                                "0123456789abcdef0123456789abcdef", "110109********1234", null, null, "k1:AAAA")));
    }

    @ParameterizedTest
    @MethodSource("everyEventShape")
    void careEventsSurviveTheWire(CareEvent event) throws Exception {
        assertThat(roundTrip(CareEventSerializer.INSTANCE, event)).isEqualTo(event);
    }

    static Stream<Object> everyDocument() {
        return Stream.of(
                new Rejection(
                        "e-1",
                        "/operators/op-2",
                        "op-2",
                        "bed.occupied",
                        List.of("a: b", "c: d"),
                        Rejection.STREAM,
                        AT,
                        "{}"),
                new Rejection(null, null, null, null, List.of("$: must be a JSON object"), Rejection.STREAM, AT, null),
                new AlertDocument("T:s", "T", "s", null, "m", true, AT, AT),
                reviewCase(null),
                reviewCase(new org.eldercare.search.resolve.ReviewCaseDocument.Decision(
                        "SPLIT", "civil-affairs", "两位老人", "2026-11-23T01:00:00Z")),
                new FacilityDocument(
                        "f-1",
                        "op-1",
                        "站",
                        "CARE_STATION",
                        "110109",
                        "110109001",
                        new GeoPoint(39.9, 116.1),
                        10,
                        3,
                        7,
                        20,
                        "OPERATING",
                        4,
                        1,
                        AT,
                        AT),
                new IndicatorDocument(
                        "110109",
                        "门头沟区",
                        "DISTRICT",
                        null,
                        88_759L,
                        10,
                        null,
                        0,
                        0.5,
                        3,
                        0.3,
                        1,
                        2,
                        3,
                        4,
                        5,
                        6,
                        7.5,
                        8,
                        9,
                        10,
                        List.of(
                                new TargetStatus("careCenters", 9, "=", true, null, null),
                                new TargetStatus("careStations", 36, ">=", true, 1.0, false)),
                        AT),
                new AlertDocument(
                        "BINDING_TARGET_MISSED:110115",
                        "BINDING_TARGET_MISSED",
                        "110115",
                        "110115",
                        "m",
                        true,
                        AT,
                        AT,
                        Map.of("name", "大兴区", "missed", "careStations:>=:140")),
                new FacilityDocument(
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
                        60),
                new IndicatorDocument(
                        "110115",
                        "大兴区",
                        "DISTRICT",
                        1_993_591L,
                        299_208L,
                        100,
                        0.05,
                        100,
                        0.05,
                        60,
                        0.6,
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
                        List.of(
                                new TargetStatus(
                                        "careStations",
                                        140,
                                        ">=",
                                        true,
                                        141.0,
                                        true,
                                        132.0,
                                        "2020-12-31",
                                        "2025-12-31",
                                        140.0,
                                        "AHEAD"),
                                new TargetStatus("nursingBedShare", 0.55, ">=", true, 0.6, true)),
                        AT,
                        new Coverage(
                                12,
                                6,
                                5,
                                0.8333,
                                1,
                                List.of(
                                        new GroupCoverage("AGE_80_PLUS", 6, 5, 0.8333),
                                        new GroupCoverage("SPECIAL_HARDSHIP", 0, 0, null)))));
    }

    @Test
    void anIndicatorDocumentOfFormOneOrTwoReadsWithNoCoverage() throws Exception {
        IndicatorDocument withCoverage = (IndicatorDocument) everyDocument()
                .filter(d -> d instanceof IndicatorDocument i && i.coverage().registered() > 0)
                .findFirst()
                .orElseThrow();
        DataOutputSerializer out = new DataOutputSerializer(256);
        IndicatorSerializer.INSTANCE.serialize(withCoverage, out);

        // Form 3 is form 2 and then coverage, form 2 is form 1 and then plan progress: older readers stop early.
        for (int form = 1; form <= 2; form++) {
            IndicatorDocument older = IndicatorSerializer.INSTANCE
                    .readerOf(form)
                    .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(older.coverage()).as("form %d", form).isEqualTo(Coverage.NONE);
            assertThat(older.asOf()).isEqualTo(withCoverage.asOf());
        }
        IndicatorDocument formTwo =
                IndicatorSerializer.INSTANCE.readerOf(2).deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(formTwo.targets()).isEqualTo(withCoverage.targets());
    }

    @ParameterizedTest
    @MethodSource("everyDocument")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void documentsSurviveTheWire(Object document) throws Exception {
        ImmutableSerializer serializer = switch (document) {
            case Rejection r -> RejectionSerializer.INSTANCE;
            case AlertDocument a -> AlertSerializer.INSTANCE;
            case FacilityDocument f -> FacilityDocumentSerializer.INSTANCE;
            case org.eldercare.search.resolve.ReviewCaseDocument c ->
                org.eldercare.streaming.recipient.ReviewCaseSerializer.INSTANCE;
            default -> IndicatorSerializer.INSTANCE;
        };
        assertThat(roundTrip(serializer, document)).isEqualTo(document);
    }

    private static org.eldercare.search.resolve.ReviewCaseDocument reviewCase(
            org.eldercare.search.resolve.ReviewCaseDocument.Decision decision) {
        var left = new org.eldercare.search.resolve.ReviewCase.Side(
                "rcp-a",
                "王*英",
                "110109********1234",
                "138****5678",
                1940,
                "F",
                "110109",
                "110109001",
                3,
                "2026-11-20T01:00:00Z");
        var right = new org.eldercare.search.resolve.ReviewCase.Side(
                "rcp-b", "王*英", null, null, null, null, "110109", "110109001", 1, null);
        return new org.eldercare.search.resolve.ReviewCaseDocument(
                "rcp-a|rcp-b",
                decision == null ? "OPEN" : "SPLIT",
                "NAME_AND_PLACE_ONLY",
                0.73,
                1.0,
                "2026-11-20T01:00:00Z",
                "2026-11-20T01:00:01Z",
                left,
                right,
                List.of(new org.eldercare.search.resolve.FieldEvidence(
                        "name", org.eldercare.search.resolve.FieldEvidence.Outcome.AGREE, 5.0)),
                List.of("digest-1"),
                decision);
    }

    private static <T> T roundTrip(ImmutableSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        T copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(serializer.snapshotConfiguration().restoreSerializer()).isSameAs(serializer);
        return copy;
    }
}
