package org.eldercare.search.document;

/**
 * The names of the Elasticsearch indexes of the platform, as constants. The indexes themselves (mapping resource, id
 * rule) are owned by {@link IndexRegistry}; these names delegate to it.
 */
public final class IndexNames {
    public static final String INDICATORS = IndexRegistry.INDICATORS.name();
    public static final String INDICATOR_HISTORY = IndexRegistry.INDICATOR_HISTORY.name();
    public static final String FACILITIES = IndexRegistry.FACILITIES.name();
    public static final String SERVICE_RECORDS = IndexRegistry.SERVICE_RECORDS.name();
    public static final String RECIPIENTS = IndexRegistry.RECIPIENTS.name();
    public static final String ALERTS = IndexRegistry.ALERTS.name();
    public static final String REJECTIONS = IndexRegistry.REJECTIONS.name();
    public static final String AUDIT = IndexRegistry.AUDIT.name();
    /** The register of older people with their live labels (docs/CONTRACT.md §7). */
    public static final String PERSONS = IndexRegistry.PERSONS.name();

    private IndexNames() {}
}
