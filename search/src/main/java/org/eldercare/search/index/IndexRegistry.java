package org.eldercare.search.index;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.VisitDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.family.FamilyCodeDocument;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;

/**
 * The platform's Elasticsearch indexes, owned here (module {@code search}) for the streaming job's sinks, the API's
 * reads, the index manager, tests and the deployment-manifest check alike (docs/CONTRACT.md §6.9). Each {@link
 * IndexSpec} names its mapping resource and builds its document ids.
 */
public final class IndexRegistry {

    /** The local minute of an indicator history point lives in Asia/Shanghai, as the contract's day does. */
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** The latest indicators of each scope. */
    public static final IndexSpec<IndicatorDocument> INDICATORS =
            IndexSpec.of(IndexNames.INDICATORS, "scope code", IndicatorDocument::code);

    /** One point per scope per minute: the last indicators of that minute. */
    public static final IndexSpec<IndicatorDocument> INDICATOR_HISTORY = IndexSpec.of(
            IndexNames.INDICATOR_HISTORY,
            "scope code | local minute (Asia/Shanghai) of asOf, e.g. 110109|2026-11-23T09:15",
            point -> point.code() + "|" + MINUTE.format(point.asOf()));

    /** The current state of each facility. */
    public static final IndexSpec<FacilityDocument> FACILITIES =
            IndexSpec.of(IndexNames.FACILITIES, "facility id", FacilityDocument::facilityId);

    /** Accepted service records with their resolved recipient. */
    public static final IndexSpec<ServiceRecordDocument> SERVICE_RECORDS = IndexSpec.of(
            IndexNames.SERVICE_RECORDS,
            "operatorId:recordId (record ids are the operator's own)",
            r -> ServiceRecordDocument.documentId(r.operatorId(), r.recordId()));

    /** Resolved persons, and the redirects of ids merged away. */
    public static final IndexSpec<RecipientDocument> RECIPIENTS =
            IndexSpec.of(IndexNames.RECIPIENTS, "recipient id", RecipientDocument::recipientId);

    /** Alerts, raised and cleared. */
    public static final IndexSpec<AlertDocument> ALERTS =
            IndexSpec.of(IndexNames.ALERTS, "type:scope", AlertDocument::id);

    /** Rejections from intake and stream, for operators to page through. */
    public static final IndexSpec<Rejection> REJECTIONS = IndexSpec.of(
            IndexNames.REJECTIONS, "operator|source|event id|stage (docs/CONTRACT.md §6.2)", Rejection::documentId);

    /** Audit entries of recipient reads; each read is its own entry, so a random id. */
    public static final IndexSpec<Object> AUDIT = IndexSpec.of(
            IndexNames.AUDIT,
            "random UUID (every read is its own entry)",
            entry -> UUID.randomUUID().toString());

    /** The register of older people with their live labels (docs/CONTRACT.md §7). */
    public static final IndexSpec<PersonDocument> PERSONS =
            IndexSpec.of(IndexNames.PERSONS, "person id", PersonDocument::personId);

    /** Incidents raised from terminals, water use and visits, in their latest state (docs/CONTRACT.md §9.6). */
    public static final IndexSpec<IncidentDocument> INCIDENTS = IndexSpec.of(
                    IndexNames.INCIDENTS, "incident id", IncidentDocument::incidentId)
            // The hotline console waits for each transition (§9.7): an SOS must not sit in a partial bulk.
            .flushedWithin(Duration.ofMillis(20));
    /** Pairs of recipients the resolution queued for a reviewer, and their decisions (docs/CONTRACT.md §7.6). */
    public static final IndexSpec<ReviewCaseDocument> REVIEW_CASES = IndexSpec.of(
            IndexNames.REVIEW_CASES,
            "<leftId>|<rightId>, the two recipient ids in ascending order (docs/CONTRACT.md §7.6)",
            ReviewCaseDocument::caseId);
    /** The hotline's work orders with their state and SLA times (docs/CONTRACT.md §10.2). */
    public static final IndexSpec<WorkOrderDocument> WORK_ORDERS =
            IndexSpec.of(IndexNames.WORK_ORDERS, "work order id", WorkOrderDocument::workOrderId);
    /** The hotline's call log, one document per {@code call.logged} (docs/CONTRACT.md §10.2). */
    public static final IndexSpec<CallDocument> CALLS = IndexSpec.of(IndexNames.CALLS, "call id", CallDocument::callId);

    /** Caregivers' home visits, one document per accepted {@code visit.completed} (docs/CONTRACT.md §9.3). */
    public static final IndexSpec<VisitDocument> VISITS =
            IndexSpec.of(IndexNames.VISITS, "operatorId:visitId (docs/CONTRACT.md §9.3)", VisitDocument::id);

    /** Terminals' bindings and their status, written at status changes only (docs/CONTRACT.md §9.9). */
    public static final IndexSpec<DeviceDocument> DEVICES =
            IndexSpec.of(IndexNames.DEVICES, "<operatorId>/<deviceId> (docs/CONTRACT.md §9.9)", DeviceDocument::id);

    /** Family access codes by their keyed digest, written by the API only (docs/CONTRACT.md §10.4). */
    public static final IndexSpec<FamilyCodeDocument> FAMILY_CODES = IndexSpec.of(
            IndexNames.FAMILY_CODES,
            "the code's keyed digest (HMAC-SHA256, 64 hex digits; docs/CONTRACT.md §10.4)",
            FamilyCodeDocument::codeDigest);

    /** Every index, in the order the index manager ensures them. */
    public static final List<IndexSpec<?>> ALL = List.of(
            INDICATORS,
            INDICATOR_HISTORY,
            FACILITIES,
            SERVICE_RECORDS,
            RECIPIENTS,
            ALERTS,
            REJECTIONS,
            AUDIT,
            PERSONS,
            INCIDENTS,
            REVIEW_CASES,
            WORK_ORDERS,
            CALLS,
            FAMILY_CODES,
            VISITS,
            DEVICES);

    private IndexRegistry() {}

    /** The index named {@code name}, if it is one of {@link #ALL}. */
    public static Optional<IndexSpec<?>> byName(String name) {
        return ALL.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The names of {@link #ALL}, in order. */
    public static List<String> names() {
        return ALL.stream().map(IndexSpec::name).toList();
    }
}
