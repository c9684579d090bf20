package org.eldercare.search.incident;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One transition of an incident, the value of a record of {@code eldercare.incidents.v1} (docs/CONTRACT.md §9.5),
 * keyed by {@link #incidentId()}: what happened ({@code type}, {@code at}, {@code by}) and the incident as the
 * transition left it. It holds nothing of the person and no note; those stay in the document (§9.6).
 *
 * @param seq the 1-based position of the transition in the incident's history: {@code (incidentId, seq)} is unique
 * @param by the hotline's source, or {@code job}
 */
public record IncidentTransitionRecord(
        String incidentId,
        int seq,
        String type,
        OffsetDateTime at,
        String by,
        String rule,
        String state,
        String districtCode,
        String streetCode,
        String assignedTo,
        int escalationLevel,
        List<String> breached) {

    /** As the indexes' mapper: ISO times with their offset; fields added later are skipped by older readers. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public IncidentTransitionRecord {
        breached = breached == null ? List.of() : List.copyOf(breached);
    }

    /** The record of {@code doc}'s last transition, with the incident as that transition left it. */
    public static IncidentTransitionRecord of(IncidentDocument doc) {
        IncidentDocument.Transition last = doc.transitions().getLast();
        return new IncidentTransitionRecord(
                doc.incidentId(),
                last.seq(),
                last.type(),
                last.at(),
                last.by(),
                doc.rule(),
                doc.state(),
                doc.districtCode(),
                doc.streetCode(),
                doc.assignedTo(),
                doc.escalationLevel(),
                doc.breached());
    }

    /** The record's JSON, as on the topic. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("incident " + incidentId + " transition " + seq + ": not writable", e);
        }
    }

    /** A record read from the topic; {@link IllegalArgumentException} when it is not one. */
    public static IncidentTransitionRecord fromJson(byte[] json) {
        try {
            IncidentTransitionRecord record = JSON.readValue(json, IncidentTransitionRecord.class);
            if (record.incidentId() == null || record.seq() < 1) {
                throw new IllegalArgumentException("not an incident transition: incidentId and seq ≥ 1 are required");
            }
            return record;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an incident transition record: " + e.getMessage(), e);
        }
    }
}
