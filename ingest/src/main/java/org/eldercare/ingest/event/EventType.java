package org.eldercare.ingest.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types of docs/CONTRACT.md §1 (and §7.2, §10.2), each with its CloudEvents {@code type} string and the
 * Java type of its {@code data}. New types go at the end: checkpoints hold a type as its ordinal.
 */
public enum EventType {
    FACILITY_REGISTERED("facility.registered", FacilityDetails.class),
    FACILITY_UPDATED("facility.updated", FacilityDetails.class),
    FACILITY_STATUS_CHANGED("facility.status.changed", FacilityStatusChanged.class),
    BED_OCCUPIED("bed.occupied", BedsChanged.class),
    BED_RELEASED("bed.released", BedsChanged.class),
    MEAL_SERVED("meal.served", MealServed.class),
    CAREGIVER_HIRED("caregiver.hired", CaregiverHired.class),
    CAREGIVER_LEFT("caregiver.left", CaregiverChange.class),
    CAREGIVER_SHIFT_STARTED("caregiver.shift.started", CaregiverChange.class),
    CAREGIVER_SHIFT_ENDED("caregiver.shift.ended", CaregiverChange.class),
    SERVICE_DELIVERED("service.delivered", ServiceDelivered.class),
    POPULATION_UPDATED("population.updated", PopulationUpdated.class),
    PERSON_REGISTERED("person.registered", PersonDetails.class),
    PERSON_UPDATED("person.updated", PersonDetails.class),
    ASSESSMENT_RECORDED("assessment.recorded", AssessmentRecorded.class),
    DEVICE_BOUND("device.bound", DeviceBound.class),
    DEVICE_UNBOUND("device.unbound", DeviceUnbound.class),
    DEVICE_HEARTBEAT("device.heartbeat", DeviceHeartbeat.class),
    DEVICE_SOS("device.sos", DeviceSos.class),
    METER_READING("meter.reading", MeterReading.class),
    VISIT_COMPLETED("visit.completed", VisitCompleted.class),
    INCIDENT_ACKNOWLEDGED("incident.acknowledged", IncidentAcknowledged.class),
    INCIDENT_DISPATCHED("incident.dispatched", IncidentDispatched.class),
    INCIDENT_RESOLVED("incident.resolved", IncidentResolved.class),
    // Appended, never inserted: the job's serializer writes a type's ordinal.
    IDENTITY_REVIEWED("identity.reviewed", IdentityReviewed.class),
    IDENTITY_REVIEW_REQUESTED("identity.review.requested", IdentityReviewRequested.class),
    CALL_LOGGED("call.logged", CallLogged.class),
    WORKORDER_OPENED("workorder.opened", WorkOrderOpened.class),
    WORKORDER_DISPATCHED("workorder.dispatched", WorkOrderDispatched.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends EventData> dataType;

    EventType(String wireName, Class<? extends EventData> dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code bed.occupied}. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /** Only planners may send this type. */
    public boolean planners() {
        return sender() == Sender.PLANNER;
    }

    /** The one kind of principal that may send this type (docs/CONTRACT.md §1, §7.1 and §9.1). */
    public Sender sender() {
        return switch (this) {
            case POPULATION_UPDATED -> Sender.PLANNER;
            case PERSON_REGISTERED, PERSON_UPDATED, ASSESSMENT_RECORDED -> Sender.CIVIL_AFFAIRS;
            case INCIDENT_ACKNOWLEDGED,
                    INCIDENT_DISPATCHED,
                    INCIDENT_RESOLVED,
                    CALL_LOGGED,
                    WORKORDER_OPENED,
                    WORKORDER_DISPATCHED -> Sender.HOTLINE;
            case IDENTITY_REVIEWED, IDENTITY_REVIEW_REQUESTED -> Sender.PLATFORM;
            default -> Sender.OPERATOR;
        };
    }

    /** Whether this type is about a home terminal, keyed {@code device/<deviceId>} (docs/CONTRACT.md §9.2). */
    public boolean device() {
        return DeviceEvent.class.isAssignableFrom(dataType);
    }

    /** Whether this type is a hotline's step on an incident (docs/CONTRACT.md §9.5). */
    public boolean incident() {
        return IncidentTransition.class.isAssignableFrom(dataType);
    }

    /** Whether this type belongs to the register of older people (docs/CONTRACT.md §7). */
    public boolean register() {
        return sender() == Sender.CIVIL_AFFAIRS;
    }

    /** Whether only the platform itself publishes this type: no client may send it (docs/CONTRACT.md §7.6). */
    public boolean platformOnly() {
        return sender() == Sender.PLATFORM;
    }

    /** Whether this type belongs to the identity review queue (docs/CONTRACT.md §7.6). */
    public boolean review() {
        return this == IDENTITY_REVIEWED || this == IDENTITY_REVIEW_REQUESTED;
    }

    /** Whether this type is the hotline's call log or work orders (docs/CONTRACT.md §10.2). */
    public boolean hotlineWork() {
        return this == CALL_LOGGED || this == WORKORDER_OPENED || this == WORKORDER_DISPATCHED;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
