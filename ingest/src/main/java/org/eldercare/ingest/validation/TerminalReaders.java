package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.IncidentAcknowledged;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;

/**
 * Terminals, visits and the hotline's steps on incidents (docs/CONTRACT.md §9.2, §9.3, §9.5). What needs the
 * binding or the incident (a kind that may not call for help, an unknown incident) is judged downstream.
 */
final class TerminalReaders {

    static final Choice<DeviceKind> DEVICE_KINDS = Choice.of(DeviceKind.class);
    static final Choice<VisitConfirmation> CONFIRMATIONS = Choice.of(VisitConfirmation.class);
    static final Choice<DispatchKind> DISPATCH_KINDS = Choice.of(DispatchKind.class);
    static final Choice<IncidentOutcome> OUTCOMES = Choice.of(IncidentOutcome.class);
    static final int HEARTBEAT_SECONDS_MIN = 60;
    static final int HEARTBEAT_SECONDS_MAX = 86_400;
    static final int ACCURACY_METERS_MAX = 10_000;
    static final double LITRES_MAX = 1_000_000_000;
    static final int LITRES_DECIMALS = 3;
    static final int VISIT_MINUTES_MAX = 480;
    static final int NOTE_MAX = 500;
    static final String INCIDENT_ID_RULE = "must be inc- followed by 24 lower-case hex digits (docs/CONTRACT.md §9.4)";
    static final String NOTE_PII_RULE = "must not hold an ID number or phone number (docs/CONTRACT.md §6.2)";

    private static final Pattern INCIDENT_ID = Pattern.compile("inc-[0-9a-f]{24}");
    /** A run of 15 or more digits (an ID number, old or new) or a mainland mobile number. */
    private static final Pattern IDENTIFIER_IN_TEXT = Pattern.compile("\\d{15,}|(?<!\\d)1\\d{10}(?!\\d)");

    private final RegionCodes regions;

    TerminalReaders(RegionCodes regions) {
        this.regions = regions;
    }

    EventData bound(Fields data, Instant now) {
        String deviceId = data.code("deviceId", true);
        DeviceKind kind = data.choice("kind", DEVICE_KINDS, null);
        String personId = data.code("personId", true);
        String districtCode = regions.district(data, "districtCode");
        String streetCode = regions.streetIn(data, "streetCode", districtCode);
        int heartbeat = data.requiredInt("heartbeatSeconds", HEARTBEAT_SECONDS_MIN, HEARTBEAT_SECONDS_MAX);
        return data.clean() ? new DeviceBound(deviceId, kind, personId, districtCode, streetCode, heartbeat) : null;
    }

    static EventData unbound(Fields data, Instant now) {
        String deviceId = data.code("deviceId", true);
        return data.clean() ? new DeviceUnbound(deviceId) : null;
    }

    static EventData heartbeat(Fields data, Instant now) {
        String deviceId = data.code("deviceId", true);
        Integer battery = data.node("batteryPercent") == null ? null : data.requiredInt("batteryPercent", 0, 100);
        return data.clean() ? new DeviceHeartbeat(deviceId, battery) : null;
    }

    static EventData sos(Fields data, Instant now) {
        String deviceId = data.code("deviceId", true);
        GeoPoint location = data.location("location", false);
        Integer accuracy = null;
        if (data.node("accuracyMeters") != null) {
            if (data.node("location") == null) {
                data.error("accuracyMeters", "is only allowed with location");
            } else {
                accuracy = data.requiredInt("accuracyMeters", 1, ACCURACY_METERS_MAX);
            }
        }
        return data.clean() ? new DeviceSos(deviceId, location, accuracy) : null;
    }

    static EventData reading(Fields data, Instant now) {
        String deviceId = data.code("deviceId", true);
        double litres = data.number("litres", 0, LITRES_MAX, LITRES_DECIMALS);
        return data.clean() ? new MeterReading(deviceId, litres) : null;
    }

    /** A visit; {@code visitedAt} is checked against the event's {@code time} by the envelope's reader. */
    static EventData visit(Fields data, Instant now) {
        String visitId = data.code("visitId", true);
        String facilityId = data.code("facilityId", true);
        String caregiverId = data.text("caregiverId", Limits.CODE_MAX, true);
        String personId = data.code("personId", true);
        OffsetDateTime visitedAt = data.dateTime("visitedAt");
        int minutes = data.requiredInt("durationMinutes", 1, VISIT_MINUTES_MAX);
        VisitConfirmation confirmation = data.choice("confirmation", CONFIRMATIONS, null);
        GeoPoint location = data.location("location", false);
        if (confirmation == VisitConfirmation.PHONE_LOCATION && data.node("location") == null) {
            data.error("location", "is required when confirmation is PHONE_LOCATION");
        }
        return data.clean()
                ? new VisitCompleted(
                        visitId, facilityId, caregiverId, personId, visitedAt, minutes, location, confirmation)
                : null;
    }

    static EventData acknowledged(Fields data, Instant now) {
        String incidentId = incidentId(data);
        String note = note(data);
        return data.clean() ? new IncidentAcknowledged(incidentId, note) : null;
    }

    static EventData dispatched(Fields data, Instant now) {
        String incidentId = incidentId(data);
        DispatchTarget target = null;
        Fields to = data.object("dispatchedTo", true);
        if (to != null) {
            DispatchKind kind = to.choice("kind", DISPATCH_KINDS, null);
            String facilityId = null;
            if (kind == DispatchKind.FACILITY) {
                facilityId = to.code("facilityId", false);
                if (to.node("facilityId") == null) {
                    to.error("facilityId", "is required when kind is FACILITY");
                }
            } else if (kind != null && to.node("facilityId") != null) {
                to.error("facilityId", "is only allowed when kind is FACILITY");
            }
            if (to.clean()) {
                target = new DispatchTarget(kind, facilityId);
            }
        }
        String workOrderId = data.code("workOrderId", false);
        String note = note(data);
        return data.clean() ? new IncidentDispatched(incidentId, target, workOrderId, note) : null;
    }

    static EventData resolved(Fields data, Instant now) {
        String incidentId = incidentId(data);
        IncidentOutcome outcome = data.choice("outcome", OUTCOMES, null);
        String note = note(data);
        return data.clean() ? new IncidentResolved(incidentId, outcome, note) : null;
    }

    private static String incidentId(Fields data) {
        String id = data.string("incidentId", true);
        if (id != null && !INCIDENT_ID.matcher(id).matches()) {
            data.error("incidentId", INCIDENT_ID_RULE);
            return null;
        }
        return id;
    }

    private static String note(Fields data) {
        String note = data.text("note", NOTE_MAX, false);
        if (note != null && IDENTIFIER_IN_TEXT.matcher(note).find()) {
            data.error("note", NOTE_PII_RULE);
            return null;
        }
        return note;
    }
}
