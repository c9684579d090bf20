package org.eldercare.search.index;

import java.time.Duration;
import java.util.List;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;
import org.eldercare.search.document.IndexNames;

/**
 * How long the growing Elasticsearch indexes keep their documents, and how often the API sweeps them
 * (docs/CONTRACT.md §6.8): each a {@link Setting} constant, all in {@link #SETTINGS}; {@link #rules(Settings)} reads
 * the {@link IndexRetention} rules.
 */
public final class RetentionSettings {

    public static final String PREFIX = "eldercare.retention.";

    /** The key of {@link #ENABLED}, a compile-time constant for Spring's {@code @ConditionalOnProperty}. */
    public static final String ENABLED_KEY = PREFIX + "enabled";

    public static final Setting<Boolean> ENABLED = Setting.bool(
            ENABLED_KEY, "true", "Whether the API sweeps the log indexes; false when an external job does it");
    public static final Setting<Duration> REJECTIONS = positive(
            Setting.duration(PREFIX + IndexNames.REJECTIONS, "P30D", "How long a rejection is kept after rejectedAt"));
    public static final Setting<Duration> AUDIT =
            positive(Setting.duration(PREFIX + IndexNames.AUDIT, "P730D", "How long an audit entry is kept after at"));
    public static final Setting<Duration> INDICATOR_HISTORY = positive(Setting.duration(
            PREFIX + IndexNames.INDICATOR_HISTORY, "P400D", "How long an indicator history point is kept after asOf"));
    public static final Setting<Duration> WORK_ORDERS = positive(Setting.duration(
            PREFIX + IndexNames.WORK_ORDERS,
            "P400D",
            "How long a work order is kept after closedAt; an order not closed is kept"));
    public static final Setting<Duration> CALLS =
            positive(Setting.duration(PREFIX + IndexNames.CALLS, "P400D", "How long a call is kept after receivedAt"));
    public static final Setting<Duration> INCIDENTS = positive(Setting.duration(
            PREFIX + IndexNames.INCIDENTS,
            "P400D",
            "How long an incident is kept after resolvedAt; an incident not resolved is kept"));
    public static final Setting<Duration> VISITS =
            positive(Setting.duration(PREFIX + IndexNames.VISITS, "P400D", "How long a visit is kept after visitedAt"));
    public static final Setting<Duration> FAMILY_CODES = positive(Setting.duration(
            PREFIX + IndexNames.FAMILY_CODES,
            "P30D",
            "How long a family code is kept after it was revoked or expired; an active code is kept"));
    public static final Setting<Duration> DEVICES = positive(Setting.duration(
            PREFIX + IndexNames.DEVICES,
            "P400D",
            "How long a device's document is kept after unboundAt; a bound device (ONLINE, SILENT) is kept"));
    public static final Setting<Duration> SWEEP_EVERY = positive(
            Setting.duration(PREFIX + "sweep-every", "PT1H", "Time between the end of one sweep and the next"));
    public static final Setting<Duration> FIRST_SWEEP_AFTER = Setting.duration(
                    PREFIX + "first-sweep-after", "PT1M", "Time from start to the first sweep")
            .rule(d -> !d.isNegative(), "must not be negative");

    public static final List<Setting<?>> SETTINGS = List.of(
            ENABLED,
            REJECTIONS,
            AUDIT,
            INDICATOR_HISTORY,
            WORK_ORDERS,
            CALLS,
            INCIDENTS,
            VISITS,
            FAMILY_CODES,
            DEVICES,
            SWEEP_EVERY,
            FIRST_SWEEP_AFTER);

    private RetentionSettings() {}

    /** The rules of every index with a retention under {@code settings} (blank = the default). */
    public static List<IndexRetention.Rule> rules(Settings settings) {
        Settings s = settings.blankAsUnset();
        return List.of(
                IndexRetention.rule(IndexNames.REJECTIONS, s.get(REJECTIONS)),
                IndexRetention.rule(IndexNames.AUDIT, s.get(AUDIT)),
                IndexRetention.rule(IndexNames.INDICATOR_HISTORY, s.get(INDICATOR_HISTORY)),
                IndexRetention.rule(IndexNames.WORK_ORDERS, s.get(WORK_ORDERS)),
                IndexRetention.rule(IndexNames.CALLS, s.get(CALLS)),
                IndexRetention.rule(IndexNames.INCIDENTS, s.get(INCIDENTS)),
                IndexRetention.rule(IndexNames.VISITS, s.get(VISITS)),
                IndexRetention.rule(IndexNames.FAMILY_CODES, s.get(FAMILY_CODES)),
                IndexRetention.rule(IndexNames.DEVICES, s.get(DEVICES)));
    }

    private static Setting<Duration> positive(Setting<Duration> setting) {
        return setting.rule(Duration::isPositive, "must be positive");
    }
}
