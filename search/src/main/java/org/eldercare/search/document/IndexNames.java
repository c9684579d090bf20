package org.eldercare.search.document;

/**
 * The names of the Elasticsearch indexes of the platform, as constants any search package may use. The indexes
 * themselves (mapping resource, id rule) are owned by {@code org.eldercare.search.index.IndexRegistry}, which takes
 * its names from here; the registry sits above the document packages, so this class must not refer to it.
 */
public final class IndexNames {
    public static final String INDICATORS = "indicators";
    public static final String INDICATOR_HISTORY = "indicator-history";
    public static final String FACILITIES = "facilities";
    public static final String SERVICE_RECORDS = "service-records";
    public static final String RECIPIENTS = "recipients";
    public static final String ALERTS = "alerts";
    public static final String REJECTIONS = "rejections";
    public static final String AUDIT = "audit";
    /** The register of older people with their live labels (docs/CONTRACT.md §7). */
    public static final String PERSONS = "persons";
    /** Pairs of recipients queued for a reviewer (docs/CONTRACT.md §7.6). */
    public static final String REVIEW_CASES = "review-cases";
    /** The hotline's work orders (docs/CONTRACT.md §10.2). */
    public static final String WORK_ORDERS = "work-orders";

    public static final String CALLS = "calls";

    public static final String INCIDENTS = "incidents";
    /** Caregivers' home visits, one document per accepted {@code visit.completed} (docs/CONTRACT.md §9.3). */
    public static final String VISITS = "visits";
    /** Terminals' bindings and their status, one document per device (docs/CONTRACT.md §9.9). */
    public static final String DEVICES = "devices";
    /** Family access codes, as digests, written by the API (docs/CONTRACT.md §10.4). */
    public static final String FAMILY_CODES = "family-codes";

    private IndexNames() {}
}
