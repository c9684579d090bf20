package org.eldercare.search.incident;

import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.GeoPoint;

/**
 * An incident in its latest state, as the job writes it to the {@code incidents} index after every transition
 * (docs/CONTRACT.md §9.6). Times carry the +08:00 offset. {@code person} holds only what §6.2 lets a reader see: masks,
 * the birth year and label names.
 *
 * @param rule {@code SOS}, {@code DEVICE_SILENT}, {@code LOW_WATER} or {@code MISSED_VISIT}
 * @param state {@code OPEN}, {@code ACKNOWLEDGED}, {@code DISPATCHED} or {@code RESOLVED}
 * @param breached the SLAs missed so far: {@code ACKNOWLEDGE}, {@code DISPATCH}, {@code RESOLVE}
 * @param assignedTo the escalation tier now holding the incident
 */
public record IncidentDocument(
        String incidentId,
        String rule,
        String state,
        String districtCode,
        String streetCode,
        String operatorId,
        String deviceId,
        String deviceKind,
        String personId,
        Person person,
        GeoPoint location,
        String evidence,
        String rulesSource,
        OffsetDateTime openedAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime dispatchedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime acknowledgeBy,
        OffsetDateTime dispatchBy,
        OffsetDateTime resolveBy,
        List<String> breached,
        String assignedTo,
        int escalationLevel,
        List<Escalation> escalations,
        DispatchTarget dispatchedTo,
        String workOrderId,
        String outcome,
        List<Transition> transitions,
        OffsetDateTime updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String DISPATCHED = "DISPATCHED";
    public static final String RESOLVED = "RESOLVED";

    public IncidentDocument {
        breached = breached == null ? List.of() : List.copyOf(breached);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /** The person as the register shows them (docs/CONTRACT.md §7.4), masked; labels without their evidence. */
    public record Person(
            String nameMasked, String idNumberMasked, String phoneMasked, Integer birthYear, List<String> labels) {
        public Person {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }

    /** The incident passed to {@code tier} at {@code at}. */
    public record Escalation(String tier, OffsetDateTime at) {}

    /**
     * One step of the incident's history (docs/CONTRACT.md §9.5), {@code seq} from 1.
     *
     * @param by the hotline's source, or {@code job}
     */
    public record Transition(int seq, String type, OffsetDateTime at, String by, String note) {}
}
