package org.eldercare.search.document;

/** The Elasticsearch indexes of the platform; each has its mapping in {@code mappings/<name>.json}. */
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

    private IndexNames() {}
}
