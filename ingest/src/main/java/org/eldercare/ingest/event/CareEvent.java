package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/**
 * A validated CloudEvent of the care domain. Instances are only made by the validator (or by code
 * that builds events it knows are valid), so downstream code may trust every field.
 *
 * <p>{@code (source, id)} is the idempotency key: two events with the same key are the same event.
 */
public record CareEvent(String id, String source, EventType type, OffsetDateTime time, EventData data) {

    public static final String OPERATOR_SOURCE_PREFIX = "/operators/";
    public static final String PLANNER_SOURCE_PREFIX = "/planners/";
    public static final String CIVIL_AFFAIRS_SOURCE_PREFIX = "/civil-affairs/";
    public static final String HOTLINE_SOURCE_PREFIX = "/hotline/";
    /** The source of the review queue's events, which the API publishes for a reviewer (§7.6). */
    public static final String REVIEWER_SOURCE_PREFIX = "/reviewers/";

    /** The operator id from {@code /operators/<id>}, or null for a planner's event. */
    public String operatorId() {
        return source.startsWith(OPERATOR_SOURCE_PREFIX) ? source.substring(OPERATOR_SOURCE_PREFIX.length()) : null;
    }

    /** The idempotency key as one string. */
    public String dedupKey() {
        return source + "\n" + id;
    }

    public String partitionKey() {
        return data.partitionKey();
    }

    /** The data cast to the type its event type promises. */
    public <T extends EventData> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
