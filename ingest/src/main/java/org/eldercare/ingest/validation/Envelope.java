package org.eldercare.ingest.validation;

import static org.eldercare.ingest.event.CareEvent.CIVIL_AFFAIRS_SOURCE_PREFIX;
import static org.eldercare.ingest.event.CareEvent.HOTLINE_SOURCE_PREFIX;
import static org.eldercare.ingest.event.CareEvent.OPERATOR_SOURCE_PREFIX;
import static org.eldercare.ingest.event.CareEvent.PLANNER_SOURCE_PREFIX;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.Sender;

/**
 * The CloudEvents attributes of docs/CONTRACT.md §1, read from the top level of an event. Attributes that
 * break a rule read as null; the reasons go to the event's errors.
 */
record Envelope(String id, String source, EventType type, OffsetDateTime time) {

    private static final String TYPE_RULE = "must be one of "
            + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));
    private static final String SOURCE_RULE = "must be " + OPERATOR_SOURCE_PREFIX + "<operatorId>, "
            + CIVIL_AFFAIRS_SOURCE_PREFIX + "<office> or " + HOTLINE_SOURCE_PREFIX + "<desk> (1 to "
            + Limits.OPERATOR_ID_MAX
            + " characters of A-Z, a-z, 0-9, _, . and -) or " + PLANNER_SOURCE_PREFIX + "<name>";

    static Envelope read(Fields event, Instant now) {
        String specVersion = event.string("specversion", true);
        if (specVersion != null && !specVersion.equals(Limits.SPEC_VERSION)) {
            event.error("specversion", "must be \"" + Limits.SPEC_VERSION + "\"");
        }
        String id = id(event);
        String source = source(event);
        EventType type = type(event);
        if (source != null && type != null) {
            checkSender(event, source, type);
        }
        OffsetDateTime time = time(event, now);
        String contentType = event.string("datacontenttype", false);
        if (contentType != null && !contentType.equals(CloudEventJson.DATA_CONTENT_TYPE)) {
            event.error("datacontenttype", "must be " + CloudEventJson.DATA_CONTENT_TYPE + " when present");
        }
        return new Envelope(id, source, type, time);
    }

    private static String id(Fields event) {
        String id = event.string("id", true);
        if (id != null && !Text.lengthBetween(id, 1, Limits.ID_MAX)) {
            event.error("id", "must be 1 to " + Limits.ID_MAX + " characters");
            return null;
        }
        return id;
    }

    private static String source(Fields event) {
        String source = event.string("source", true);
        if (source == null) {
            return null;
        }
        boolean valid;
        if (source.startsWith(OPERATOR_SOURCE_PREFIX)) {
            valid = Text.isCode(source.substring(OPERATOR_SOURCE_PREFIX.length()), Limits.OPERATOR_ID_MAX, true);
        } else if (source.startsWith(CIVIL_AFFAIRS_SOURCE_PREFIX)) {
            valid = Text.isCode(source.substring(CIVIL_AFFAIRS_SOURCE_PREFIX.length()), Limits.OPERATOR_ID_MAX, true);
        } else if (source.startsWith(HOTLINE_SOURCE_PREFIX)) {
            valid = Text.isCode(source.substring(HOTLINE_SOURCE_PREFIX.length()), Limits.OPERATOR_ID_MAX, true);
        } else if (source.startsWith(CareEvent.REVIEWER_SOURCE_PREFIX)) {
            // The API's own, for the review queue (§7.6); SOURCE_RULE leaves it out, as no client may use it.
            valid = source.length() > CareEvent.REVIEWER_SOURCE_PREFIX.length()
                    && Text.lengthBetween(source, 1, Limits.SOURCE_MAX);
        } else {
            valid = source.startsWith(PLANNER_SOURCE_PREFIX)
                    && source.length() > PLANNER_SOURCE_PREFIX.length()
                    && Text.lengthBetween(source, 1, Limits.SOURCE_MAX);
        }
        if (!valid) {
            event.error("source", SOURCE_RULE);
            return null;
        }
        return source;
    }

    private static EventType type(Fields event) {
        String wireName = event.string("type", true);
        if (wireName == null) {
            return null;
        }
        EventType type = EventType.fromWireName(wireName).orElse(null);
        if (type == null) {
            event.error("type", TYPE_RULE);
        }
        return type;
    }

    /**
     * Planners send population figures, civil-affairs offices the register, the hotline its steps on incidents
     * (docs/CONTRACT.md §9.1), operators everything else; the token
     * check is the API's.
     */
    private static void checkSender(Fields event, String source, EventType type) {
        Sender sender = Sender.ofSource(source);
        if (sender != type.sender()) {
            String name = switch (type.sender()) {
                case OPERATOR -> "<operatorId>";
                case CIVIL_AFFAIRS -> "<office>";
                case HOTLINE -> "<desk>";
                case PLATFORM -> "<name>";
                case PLANNER -> "<name>";
            };
            event.error(
                    "source",
                    type.wireName() + " must come from " + type.sender().sourcePrefix() + name);
        }
    }

    private static OffsetDateTime time(Fields event, Instant now) {
        OffsetDateTime time = event.dateTime("time");
        if (time == null) {
            return null;
        }
        Instant instant = time.toInstant();
        if (instant.isAfter(now.plus(Limits.MAX_FUTURE))) {
            event.error("time", "must be at most " + Limits.MAX_FUTURE.toMinutes() + " minutes in the future");
        } else if (instant.isBefore(now.minus(Limits.MAX_PAST))) {
            // A resend older than this could no longer be told from a new event by dedup.
            event.error(
                    "time",
                    "must be at most " + Limits.MAX_PAST.toDays()
                            + " days in the past (the dedup horizon, docs/CONTRACT.md §6.2)");
        } else {
            return time;
        }
        return null;
    }
}
