package org.eldercare.ingest.event;

/** Who may send an event type, by the prefix of its {@code source} (docs/CONTRACT.md §1, §7.1, §9.1 and §10.2). */
public enum Sender {
    OPERATOR(CareEvent.OPERATOR_SOURCE_PREFIX),
    PLANNER(CareEvent.PLANNER_SOURCE_PREFIX),
    CIVIL_AFFAIRS(CareEvent.CIVIL_AFFAIRS_SOURCE_PREFIX),
    /** The 12349 hotline's desks (docs/CONTRACT.md §9.1, §10.2). */
    HOTLINE(CareEvent.HOTLINE_SOURCE_PREFIX),
    /** The API itself, on a reviewer's behalf (docs/CONTRACT.md §7.6); never a client. */
    PLATFORM(CareEvent.REVIEWER_SOURCE_PREFIX);

    private final String sourcePrefix;

    Sender(String sourcePrefix) {
        this.sourcePrefix = sourcePrefix;
    }

    public String sourcePrefix() {
        return sourcePrefix;
    }

    /** The sender a source names, or null when it has none of the prefixes. */
    public static Sender ofSource(String source) {
        for (Sender sender : values()) {
            if (source.startsWith(sender.sourcePrefix)) {
                return sender;
            }
        }
        return null;
    }
}
