package org.eldercare.ingest.topic;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * How the platform creates its topics ({@link TopicSpec#newTopic}): partitions, replication and retention, each a
 * {@link Setting} ({@link #SETTINGS}). The defaults suit the one-broker local stack; a cluster sets {@code
 * replication-factor} 3 and {@code min-insync-replicas} 2 (docs/CONTRACT.md §6.9). They apply only when a topic is
 * created: an existing topic is left as it is.
 */
public record TopicSettings(
        int partitions,
        short replicationFactor,
        int minInsyncReplicas,
        Duration eventsRetention,
        Duration deadLettersRetention) {

    private static final String PREFIX = "eldercare.kafka.topics.";

    public static final Setting<Integer> PARTITIONS = Setting.integer(
                    PREFIX + "partitions",
                    "4",
                    "Partitions of each topic the platform creates (one facility's events stay in one)")
            .rule(n -> n >= 1, "must be at least 1");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer(
                    PREFIX + "replication-factor",
                    "1",
                    "Replicas of each topic the platform creates; 1 for the one local broker, 3 on a cluster")
            .rule(n -> n >= 1 && n <= Short.MAX_VALUE, "must be between 1 and " + Short.MAX_VALUE);
    public static final Setting<Integer> MIN_INSYNC_REPLICAS = Setting.integer(
                    PREFIX + "min-insync-replicas",
                    "1",
                    "min.insync.replicas of each topic: replicas that must have a record before acks=all"
                            + " acknowledges it; at most replication-factor, 2 on a cluster")
            .rule(n -> n >= 1, "must be at least 1");
    /**
     * The least {@link #EVENTS_RETENTION} may be: the 8-day dedup horizon (docs/CONTRACT.md §6.2) plus a week to notice
     * and fix a failed job, so a job restored from a checkpoint can still re-read the log (docs/CONTRACT.md §6.8).
     */
    public static final Duration MIN_EVENTS_RETENTION = Duration.ofDays(14);

    public static final Setting<Duration> EVENTS_RETENTION = Setting.duration(
                    PREFIX + "events-retention",
                    "P30D",
                    "retention.ms of the events topic and of each operator topic: a job restored from a checkpoint"
                            + " re-reads the log from its offsets, so the log must outlive the oldest checkpoint one"
                            + " may restore from (docs/CONTRACT.md §6.8); at least 14 days")
            .rule(
                    d -> d.compareTo(MIN_EVENTS_RETENTION) >= 0,
                    "must be at least " + MIN_EVENTS_RETENTION
                            + " (the 8-day dedup horizon plus a week to notice and fix a failed job,"
                            + " docs/CONTRACT.md §6.8)");
    public static final Setting<Duration> DEAD_LETTERS_RETENTION = Setting.duration(
                    PREFIX + "dead-letters-retention",
                    "P30D",
                    "retention.ms of the dead-letter topic: a month for operators to see and fix rejections")
            .rule(Duration::isPositive, "must be positive");

    public static final List<Setting<?>> SETTINGS =
            List.of(PARTITIONS, REPLICATION_FACTOR, MIN_INSYNC_REPLICAS, EVENTS_RETENTION, DEAD_LETTERS_RETENTION);

    public TopicSettings {
        PARTITIONS.check(partitions);
        REPLICATION_FACTOR.check((int) replicationFactor);
        MIN_INSYNC_REPLICAS.check(minInsyncReplicas);
        EVENTS_RETENTION.check(eventsRetention);
        DEAD_LETTERS_RETENTION.check(deadLettersRetention);
        if (minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS.key() + ": must be at most "
                    + REPLICATION_FACTOR.key() + " (" + replicationFactor + "), was " + minInsyncReplicas);
        }
    }

    /** Every default: the one-broker local stack. */
    public static TopicSettings defaults() {
        return from(Settings.none());
    }

    /** Reads each key's property; a null or blank answer means the default. */
    public static TopicSettings fromProperties(Function<String, String> properties) {
        return from(Settings.from(properties));
    }

    public static TopicSettings from(Settings settings) {
        Settings s = settings.blankAsUnset();
        return new TopicSettings(
                s.get(PARTITIONS),
                s.get(REPLICATION_FACTOR).shortValue(),
                s.get(MIN_INSYNC_REPLICAS),
                s.get(EVENTS_RETENTION),
                s.get(DEAD_LETTERS_RETENTION));
    }

    /** The value of one of the retention settings. */
    Duration retention(Setting<Duration> setting) {
        if (setting == EVENTS_RETENTION) {
            return eventsRetention;
        }
        if (setting == DEAD_LETTERS_RETENTION) {
            return deadLettersRetention;
        }
        throw new IllegalArgumentException(setting.key() + ": not a retention of " + SETTINGS);
    }
}
