package org.eldercare.ingest.topic;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.eldercare.ingest.config.Setting;

/**
 * A family of Kafka topics of the platform sharing one naming rule, {@code <prefix><id><suffix>}, one key rule, one
 * value and one retention: the operator topics of docs/CONTRACT.md §6.6 ({@link TopicRegistry#OPERATOR_EVENTS}). The
 * platform does not create them at start and deployment files do not declare them: each is created when its owner is
 * granted it, as {@link #topic(String)} says.
 *
 * @param prefix what every name starts with
 * @param idName what the variable part is called in error messages (e.g. {@code operatorId})
 * @param idRegex the variable part; it must not hold {@code .} or {@code _} (Kafka refuses names differing only by them)
 * @param idRule the rule of the variable part, for people, completing "idName: must be ..."
 * @param suffix what every name ends with
 * @param keyRule what the key is, for people (docs/CONTRACT.md §6.9)
 * @param keyOf the key of a record of these topics
 * @param valueFormat what the value is
 * @param retention how long records are kept
 * @param <R> what a record of these topics is built from
 */
public final class TopicPatternSpec<R> {

    private final String prefix;
    private final String idName;
    private final String idRule;
    private final String suffix;
    private final String keyRule;
    private final Function<R, String> keyOf;
    private final String valueFormat;
    private final Setting<Duration> retention;
    private final Pattern id;
    private final Pattern pattern;

    TopicPatternSpec(
            String prefix,
            String idName,
            String idRegex,
            String idRule,
            String suffix,
            String keyRule,
            Function<R, String> keyOf,
            String valueFormat,
            Setting<Duration> retention) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.idName = Objects.requireNonNull(idName, prefix + ": idName");
        this.idRule = Objects.requireNonNull(idRule, prefix + ": idRule");
        this.suffix = Objects.requireNonNull(suffix, prefix + ": suffix");
        this.keyRule = Objects.requireNonNull(keyRule, prefix + ": keyRule");
        this.keyOf = Objects.requireNonNull(keyOf, prefix + ": keyOf");
        this.valueFormat = Objects.requireNonNull(valueFormat, prefix + ": valueFormat");
        this.retention = Objects.requireNonNull(retention, prefix + ": retention");
        this.id = Pattern.compile(Objects.requireNonNull(idRegex, prefix + ": idRegex"));
        this.pattern = Pattern.compile(Pattern.quote(prefix) + "(" + idRegex + ")" + Pattern.quote(suffix));
    }

    /** Every name of the family; group 1 is the id. */
    public Pattern pattern() {
        return pattern;
    }

    public String keyRule() {
        return keyRule;
    }

    public String valueFormat() {
        return valueFormat;
    }

    public Setting<Duration> retention() {
        return retention;
    }

    /**
     * The topic of {@code id}.
     *
     * @throws IllegalArgumentException naming {@link #idName} and the rule when {@code id} cannot name a topic
     */
    public String name(String id) {
        if (id == null || !this.id.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    idName + ": must be " + idRule + ", was " + (id == null ? "null" : "'" + id + "'"));
        }
        return prefix + id + suffix;
    }

    /** The id a topic of this family names; empty for any other topic. */
    public Optional<String> idOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The topic of {@code id} as one {@link TopicSpec}: same key rule, value and retention as the family. */
    public TopicSpec<R> topic(String id) {
        return TopicSpec.deleting(name(id), keyRule, keyOf, valueFormat, retention);
    }

    /** How the topic of {@code id} is created under {@code settings}. */
    public NewTopic newTopic(String id, TopicSettings settings) {
        return topic(id).newTopic(settings);
    }

    /** The key of {@code record}: the only way a producer of these topics builds one. */
    public String key(R record) {
        return keyOf.apply(record);
    }

    @Override
    public String toString() {
        return prefix + "<" + idName + ">" + suffix;
    }
}
