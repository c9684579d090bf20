package org.eldercare.streaming.workorder;

import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.CallDocument;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The hotline's call log (docs/CONTRACT.md §10.2): each accepted {@code call.logged}, after dedup, as its document in
 * the {@code calls} index under its {@code callId}. Stateless: a resend is the same id, so it overwrites.
 */
public final class CallLog {

    /** The hotline's sources are {@code /hotline/<desk>}. */
    private static final String HOTLINE_PREFIX = "/hotline/";

    private CallLog() {}

    /** The document of one {@code call.logged}; the district is the street code's first six digits (§1). */
    public static CallDocument document(CareEvent event) {
        CallLogged call = (CallLogged) event.data();
        String source = event.source();
        String desk = source != null && source.startsWith(HOTLINE_PREFIX)
                ? source.substring(HOTLINE_PREFIX.length())
                : source;
        return new CallDocument(
                call.callId(),
                ShanghaiTime.at(call.receivedAt().toInstant().toEpochMilli()),
                call.durationSeconds(),
                call.streetCode().substring(0, 6),
                call.streetCode(),
                call.reason().name(),
                call.recipientId(),
                desk,
                ShanghaiTime.at(event.time().toInstant().toEpochMilli()));
    }
}
