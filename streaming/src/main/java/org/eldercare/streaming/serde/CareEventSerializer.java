package org.eldercare.streaming.serde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CallReason;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.FacilityStatusChanged;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.IdentityReviewRequested;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.IncidentAcknowledged;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.PopulationUpdated;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.RecipientData;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.ReviewDecision;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;

/**
 * The binary form of a validated {@link CareEvent}: the envelope, then the fields of its data record
 * in declaration order. The data's shape follows from the type, so no class tag is written.
 */
public final class CareEventSerializer extends ImmutableSerializer<CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final CareEventSerializer INSTANCE = new CareEventSerializer();

    /**
     * Form 7: {@code service.delivered} ends with {@code workOrderId}, and the hotline's call log and work orders exist
     * (docs/CONTRACT.md §10.2), their types appended after form 6's; forms 1 to 6 read {@code workOrderId} as null.
     * Form 6 added the review queue's types (docs/CONTRACT.md §7.6), appended to the type ordinals after form 5's;
     * no earlier form holds them, so every other type reads as before.
     * Form 5 added the terminals, visits and the hotline's incident steps (docs/CONTRACT.md §9); no earlier form
     * holds them, so every other type reads as before.
     * Form 4: facility details end with {@code nursingBeds} (docs/CONTRACT.md §8.3); forms 1 to 3 read it as 0.
     * Form 3: a recipient starts with a tag, 0 none, 1 raw, 2 sealed (docs/CONTRACT.md §6.7); forms 1 and 2 wrote a
     * boolean (0 none, 1 raw) in its place, so they read with the same code. Form 2 added the register's types
     * (docs/CONTRACT.md §7); form 1, the first release's, is the same bytes for every other type. Bump it when a
     * field changes (see {@code VersionedSerializer}); a build that knows only an older form then refuses a
     * checkpoint it would misread.
     */
    private static final int FORMAT = 7;

    private static final byte NO_RECIPIENT = 0;
    private static final byte RAW_RECIPIENT = 1;
    private static final byte SEALED_RECIPIENT = 2;

    private static final EventType[] TYPES = EventType.values();
    private static final FacilityKind[] KINDS = FacilityKind.values();
    private static final FacilityStatus[] STATUSES = FacilityStatus.values();
    private static final MealType[] MEALS = MealType.values();
    private static final ServiceType[] SERVICES = ServiceType.values();
    private static final LivingArrangement[] ARRANGEMENTS = LivingArrangement.values();
    private static final BenefitType[] BENEFITS = BenefitType.values();
    private static final DeviceKind[] DEVICE_KINDS = DeviceKind.values();
    private static final VisitConfirmation[] CONFIRMATIONS = VisitConfirmation.values();
    private static final DispatchKind[] DISPATCH_KINDS = DispatchKind.values();
    private static final IncidentOutcome[] OUTCOMES = IncidentOutcome.values();
    private static final int ABSENT = -1;
    private static final ReviewDecision[] DECISIONS = ReviewDecision.values();
    private static final CallReason[] REASONS = CallReason.values();
    private static final RequestType[] REQUESTS = RequestType.values();

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(CareEvent e, DataOutputView out) throws IOException {
        Wire.string(e.id(), out);
        Wire.string(e.source(), out);
        Wire.enumeration(e.type(), out);
        Wire.time(e.time(), out);
        writeData(e.data(), out);
    }

    @Override
    protected CareEvent read(DataInputView in, int formatVersion) throws IOException {
        String id = Wire.string(in);
        String source = Wire.string(in);
        EventType type = Wire.enumeration(TYPES, in);
        return new CareEvent(id, source, type, Wire.time(in), readData(type, in, formatVersion));
    }

    private static void writeData(EventData data, DataOutputView out) throws IOException {
        switch (data) {
            case FacilityDetails d -> {
                Wire.string(d.facilityId(), out);
                Wire.enumeration(d.kind(), out);
                Wire.string(d.name(), out);
                Wire.string(d.districtCode(), out);
                Wire.string(d.streetCode(), out);
                Wire.geo(d.location(), out);
                out.writeInt(d.beds());
                out.writeInt(d.mealSeats());
                Wire.enumeration(d.status(), out);
                out.writeInt(d.nursingBeds());
            }
            case FacilityStatusChanged d -> {
                Wire.string(d.facilityId(), out);
                Wire.enumeration(d.status(), out);
            }
            case BedsChanged d -> {
                Wire.string(d.facilityId(), out);
                out.writeInt(d.count());
            }
            case MealServed d -> {
                Wire.string(d.facilityId(), out);
                out.writeInt(d.meals());
                Wire.enumeration(d.mealType(), out);
                Wire.string(d.recipientId(), out);
            }
            case CaregiverHired d -> {
                Wire.string(d.caregiverId(), out);
                Wire.string(d.facilityId(), out);
                out.writeBoolean(d.certified());
            }
            case CaregiverChange d -> {
                Wire.string(d.caregiverId(), out);
                Wire.string(d.facilityId(), out);
            }
            case ServiceDelivered d -> {
                Wire.string(d.recordId(), out);
                Wire.string(d.facilityId(), out);
                Wire.string(d.caregiverId(), out);
                Wire.enumeration(d.serviceType(), out);
                Wire.time(d.startedAt(), out);
                out.writeInt(d.durationMinutes());
                writeRecipient(d.recipient(), out);
                Wire.string(d.workOrderId(), out);
            }
            case PopulationUpdated d -> {
                Wire.string(d.streetCode(), out);
                out.writeLong(d.residents());
                out.writeLong(d.elderly60());
                out.writeInt(d.year());
            }
            case PersonDetails d -> {
                Wire.string(d.personId(), out);
                writeRecipient(d.identity(), out);
                Wire.string(d.address(), out);
                Wire.geo(d.location(), out);
                Wire.string(d.districtCode(), out);
                Wire.string(d.streetCode(), out);
                Wire.enumeration(d.livingArrangement(), out);
                out.writeInt(d.benefits().size());
                for (Benefit b : d.benefits()) {
                    Wire.enumeration(b.type(), out);
                    Wire.date(b.from(), out);
                    Wire.date(b.to(), out);
                }
                out.writeInt(d.disabilityCertificateLevel() == null ? 0 : d.disabilityCertificateLevel());
            }
            case AssessmentRecorded d -> {
                Wire.string(d.assessmentId(), out);
                Wire.string(d.personId(), out);
                out.writeInt(d.level());
                Wire.date(d.assessedOn(), out);
                Wire.string(d.organisation(), out);
                Wire.date(d.reassessDueOn(), out);
            }
            case DeviceBound d -> {
                Wire.string(d.deviceId(), out);
                Wire.enumeration(d.kind(), out);
                Wire.string(d.personId(), out);
                Wire.string(d.districtCode(), out);
                Wire.string(d.streetCode(), out);
                out.writeInt(d.heartbeatSeconds());
            }
            case DeviceUnbound d -> Wire.string(d.deviceId(), out);
            case DeviceHeartbeat d -> {
                Wire.string(d.deviceId(), out);
                out.writeInt(d.batteryPercent() == null ? ABSENT : d.batteryPercent());
            }
            case DeviceSos d -> {
                Wire.string(d.deviceId(), out);
                Wire.geo(d.location(), out);
                out.writeInt(d.accuracyMeters() == null ? ABSENT : d.accuracyMeters());
            }
            case MeterReading d -> {
                Wire.string(d.deviceId(), out);
                out.writeDouble(d.litres());
            }
            case VisitCompleted d -> {
                Wire.string(d.visitId(), out);
                Wire.string(d.facilityId(), out);
                Wire.string(d.caregiverId(), out);
                Wire.string(d.personId(), out);
                Wire.time(d.visitedAt(), out);
                out.writeInt(d.durationMinutes());
                Wire.geo(d.location(), out);
                Wire.enumeration(d.confirmation(), out);
            }
            case IncidentAcknowledged d -> {
                Wire.string(d.incidentId(), out);
                Wire.string(d.note(), out);
            }
            case IncidentDispatched d -> {
                Wire.string(d.incidentId(), out);
                Wire.enumeration(d.dispatchedTo().kind(), out);
                Wire.string(d.dispatchedTo().facilityId(), out);
                Wire.string(d.workOrderId(), out);
                Wire.string(d.note(), out);
            }
            case IncidentResolved d -> {
                Wire.string(d.incidentId(), out);
                Wire.enumeration(d.outcome(), out);
                Wire.string(d.note(), out);
            }
            case IdentityReviewed d -> {
                Wire.string(d.caseId(), out);
                Wire.string(d.leftId(), out);
                Wire.string(d.rightId(), out);
                Wire.enumeration(d.decision(), out);
                Wire.string(d.reviewer(), out);
                Wire.string(d.reason(), out);
            }
            case IdentityReviewRequested d -> {
                Wire.string(d.leftId(), out);
                Wire.string(d.rightId(), out);
                Wire.string(d.origin(), out);
            }
            case CallLogged d -> {
                Wire.string(d.callId(), out);
                Wire.time(d.receivedAt(), out);
                out.writeInt(d.durationSeconds());
                Wire.string(d.streetCode(), out);
                Wire.enumeration(d.reason(), out);
                Wire.string(d.recipientId(), out);
            }
            case WorkOrderOpened d -> {
                Wire.string(d.workOrderId(), out);
                Wire.string(d.callId(), out);
                Wire.enumeration(d.requestType(), out);
                Wire.string(d.districtCode(), out);
                Wire.string(d.streetCode(), out);
                Wire.geo(d.location(), out);
                Wire.string(d.recipientId(), out);
            }
            case WorkOrderDispatched d -> {
                Wire.string(d.workOrderId(), out);
                Wire.enumeration(d.requestType(), out);
                Wire.string(d.facilityId(), out);
                out.writeDouble(d.distanceKm());
            }
        }
    }

    private static Integer optionalInt(DataInputView in) throws IOException {
        int value = in.readInt();
        return value == ABSENT ? null : value;
    }

    private static EventData readData(EventType type, DataInputView in, int formatVersion) throws IOException {
        return switch (type) {
            case FACILITY_REGISTERED, FACILITY_UPDATED ->
                new FacilityDetails(
                        Wire.string(in),
                        Wire.enumeration(KINDS, in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.geo(in),
                        in.readInt(),
                        in.readInt(),
                        Wire.enumeration(STATUSES, in),
                        formatVersion >= 4 ? in.readInt() : 0);
            case FACILITY_STATUS_CHANGED -> new FacilityStatusChanged(Wire.string(in), Wire.enumeration(STATUSES, in));
            case BED_OCCUPIED, BED_RELEASED -> new BedsChanged(Wire.string(in), in.readInt());
            case MEAL_SERVED ->
                new MealServed(Wire.string(in), in.readInt(), Wire.enumeration(MEALS, in), Wire.string(in));
            case CAREGIVER_HIRED -> new CaregiverHired(Wire.string(in), Wire.string(in), in.readBoolean());
            case CAREGIVER_LEFT, CAREGIVER_SHIFT_STARTED, CAREGIVER_SHIFT_ENDED ->
                new CaregiverChange(Wire.string(in), Wire.string(in));
            case SERVICE_DELIVERED ->
                new ServiceDelivered(
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.enumeration(SERVICES, in),
                        Wire.time(in),
                        in.readInt(),
                        readRecipient(in),
                        formatVersion >= 7 ? Wire.string(in) : null);
            case POPULATION_UPDATED ->
                new PopulationUpdated(Wire.string(in), in.readLong(), in.readLong(), in.readInt());
            case PERSON_REGISTERED, PERSON_UPDATED -> readPerson(in);
            case ASSESSMENT_RECORDED ->
                new AssessmentRecorded(
                        Wire.string(in), Wire.string(in), in.readInt(), Wire.date(in), Wire.string(in), Wire.date(in));
            case DEVICE_BOUND ->
                new DeviceBound(
                        Wire.string(in),
                        Wire.enumeration(DEVICE_KINDS, in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        in.readInt());
            case DEVICE_UNBOUND -> new DeviceUnbound(Wire.string(in));
            case DEVICE_HEARTBEAT -> new DeviceHeartbeat(Wire.string(in), optionalInt(in));
            case DEVICE_SOS -> new DeviceSos(Wire.string(in), Wire.geo(in), optionalInt(in));
            case METER_READING -> new MeterReading(Wire.string(in), in.readDouble());
            case VISIT_COMPLETED ->
                new VisitCompleted(
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.time(in),
                        in.readInt(),
                        Wire.geo(in),
                        Wire.enumeration(CONFIRMATIONS, in));
            case INCIDENT_ACKNOWLEDGED -> new IncidentAcknowledged(Wire.string(in), Wire.string(in));
            case INCIDENT_DISPATCHED ->
                new IncidentDispatched(
                        Wire.string(in),
                        new DispatchTarget(Wire.enumeration(DISPATCH_KINDS, in), Wire.string(in)),
                        Wire.string(in),
                        Wire.string(in));
            case INCIDENT_RESOLVED ->
                new IncidentResolved(Wire.string(in), Wire.enumeration(OUTCOMES, in), Wire.string(in));
            case IDENTITY_REVIEWED ->
                new IdentityReviewed(
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.enumeration(DECISIONS, in),
                        Wire.string(in),
                        Wire.string(in));
            case IDENTITY_REVIEW_REQUESTED ->
                new IdentityReviewRequested(Wire.string(in), Wire.string(in), Wire.string(in));
            case CALL_LOGGED ->
                new CallLogged(
                        Wire.string(in),
                        Wire.time(in),
                        in.readInt(),
                        Wire.string(in),
                        Wire.enumeration(REASONS, in),
                        Wire.string(in));
            case WORKORDER_OPENED ->
                new WorkOrderOpened(
                        Wire.string(in),
                        Wire.string(in),
                        Wire.enumeration(REQUESTS, in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.geo(in),
                        Wire.string(in));
            case WORKORDER_DISPATCHED ->
                new WorkOrderDispatched(
                        Wire.string(in), Wire.enumeration(REQUESTS, in), Wire.string(in), in.readDouble());
        };
    }

    private static PersonDetails readPerson(DataInputView in) throws IOException {
        String personId = Wire.string(in);
        RecipientData identity = readRecipient(in); // sealed in the stream (§6.7), raw only in tests
        String address = Wire.string(in);
        GeoPoint location = Wire.geo(in);
        String districtCode = Wire.string(in);
        String streetCode = Wire.string(in);
        LivingArrangement arrangement = Wire.enumeration(ARRANGEMENTS, in);
        int count = in.readInt();
        List<Benefit> benefits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            benefits.add(new Benefit(Wire.enumeration(BENEFITS, in), Wire.date(in), Wire.date(in)));
        }
        int certificate = in.readInt();
        return new PersonDetails(
                personId,
                identity,
                address,
                location,
                districtCode,
                streetCode,
                arrangement,
                benefits,
                certificate == 0 ? null : certificate);
    }

    private static void writeRecipient(RecipientData recipient, DataOutputView out) throws IOException {
        switch (recipient) {
            case null -> out.writeByte(NO_RECIPIENT);
            case Recipient r -> {
                out.writeByte(RAW_RECIPIENT);
                Wire.string(r.name(), out);
                Wire.string(r.idNumber(), out);
                Wire.string(r.phone(), out);
                Wire.string(r.gender(), out);
                Wire.date(r.birthDate(), out);
                Wire.string(r.address(), out);
                Wire.geo(r.location(), out);
            }
            case SealedRecipient r -> {
                out.writeByte(SEALED_RECIPIENT);
                Wire.string(r.idDigest(), out);
                Wire.string(r.idMasked(), out);
                Wire.string(r.phoneDigest(), out);
                Wire.string(r.phoneMasked(), out);
                Wire.string(r.sealed(), out);
            }
        }
    }

    private static RecipientData readRecipient(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NO_RECIPIENT -> null;
            case RAW_RECIPIENT ->
                new Recipient(
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.date(in),
                        Wire.string(in),
                        Wire.geo(in));
            case SEALED_RECIPIENT ->
                new SealedRecipient(
                        Wire.string(in), Wire.string(in), Wire.string(in), Wire.string(in), Wire.string(in));
            default -> throw new IOException("care event: unknown recipient form " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<CareEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; needs a public no-argument constructor. */
    public static final class Snapshot extends VersionedSerializerSnapshot<CareEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
