package org.eldercare.streaming.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.ingest.codec.CloudEventJson;

/**
 * The incident rules of one district (docs/CONTRACT.md §9.4): the classpath resource {@code
 * incidents/rules/<districtCode>.json}, else {@code incidents/rules/default.json}. A file is complete; the loader
 * refuses one that misses a rule or a field, or breaks a range, naming it.
 *
 * @param district the file's district, or {@code default}
 * @param source where its figures come from, written into each incident it raises
 */
public record IncidentRules(
        String district,
        String source,
        Rule sos,
        Rule deviceSilent,
        Rule lowWater,
        Rule missedVisit,
        int missedHeartbeats,
        double litresPer24Hours,
        List<String> lowWaterLabels,
        String visitService,
        int graceDays) {

    public static final String SOS = "SOS";
    public static final String DEVICE_SILENT = "DEVICE_SILENT";
    public static final String LOW_WATER = "LOW_WATER";
    public static final String MISSED_VISIT = "MISSED_VISIT";
    static final Set<String> TIERS = Set.of("HOTLINE", "STREET_OFFICE", "COMMUNITY", "OPERATOR");
    private static final String DIRECTORY = "incidents/rules/";
    private static final Map<String, IncidentRules> LOADED = new ConcurrentHashMap<>();

    /** The SLA and escalation chain of one rule. */
    public record Rule(String name, List<Tier> escalation, long dispatchWithinMillis, long resolveWithinMillis) {

        /** The instant the incident passes to tier {@code level}, given when it opened. */
        public long escalatesAt(long openedAt, int level) {
            long at = openedAt;
            for (int i = 0; i < level; i++) {
                at += escalation.get(i).acknowledgeWithinMillis();
            }
            return at;
        }

        public long acknowledgeBy(long openedAt) {
            return openedAt + escalation.getFirst().acknowledgeWithinMillis();
        }
    }

    /** One step of an escalation chain: who holds the incident, and for how long before it moves on. */
    public record Tier(String tier, long acknowledgeWithinMillis) {}

    public Rule rule(String name) {
        return switch (name) {
            case SOS -> sos;
            case DEVICE_SILENT -> deviceSilent;
            case LOW_WATER -> lowWater;
            case MISSED_VISIT -> missedVisit;
            default -> throw new IllegalArgumentException("no incident rule " + name);
        };
    }

    /** The rules of {@code districtCode}, or the defaults when it has no file of its own. */
    public static IncidentRules forDistrict(String districtCode) {
        String key = districtCode == null ? "default" : districtCode;
        return LOADED.computeIfAbsent(key, code -> {
            IncidentRules own = load(code);
            return own != null ? own : load("default");
        });
    }

    private static IncidentRules load(String name) {
        String path = DIRECTORY + name + ".json";
        try (InputStream in = IncidentRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                if (name.equals("default")) {
                    throw new IllegalStateException(path + ": missing from the classpath");
                }
                return null;
            }
            return parse(path, CloudEventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be read", e);
        }
    }

    static IncidentRules parse(String path, JsonNode root) {
        String source = text(path, root, "source");
        JsonNode rules = required(path, root, "rules");
        String p = path + ": rules.";
        JsonNode silent = required(path, rules, DEVICE_SILENT);
        JsonNode water = required(path, rules, LOW_WATER);
        JsonNode visit = required(path, rules, MISSED_VISIT);
        List<String> labels = new ArrayList<>();
        for (JsonNode label : required(p + LOW_WATER, water, "labels")) {
            labels.add(label.asText());
        }
        if (labels.isEmpty()) {
            throw new IllegalStateException(p + LOW_WATER + ".labels: must name at least one label");
        }
        return new IncidentRules(
                root.path("district").asText("default"),
                source,
                rule(p + SOS, SOS, required(path, rules, SOS)),
                rule(p + DEVICE_SILENT, DEVICE_SILENT, silent),
                rule(p + LOW_WATER, LOW_WATER, water),
                rule(p + MISSED_VISIT, MISSED_VISIT, visit),
                integer(p + DEVICE_SILENT, silent, "missedHeartbeats", 1, 100),
                number(p + LOW_WATER, water, "litresPer24Hours", 0, 1_000),
                List.copyOf(labels),
                text(p + MISSED_VISIT, visit, "service"),
                integer(p + MISSED_VISIT, visit, "graceDays", 0, 31));
    }

    private static Rule rule(String path, String name, JsonNode node) {
        text(path, node, "clause");
        JsonNode chain = required(path, node, "escalation");
        if (!chain.isArray() || chain.isEmpty() || chain.size() > 5) {
            throw new IllegalStateException(path + ".escalation: must hold 1 to 5 tiers");
        }
        List<Tier> tiers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chain.size(); i++) {
            String at = path + ".escalation[" + i + "]";
            String tier = text(at, chain.get(i), "tier");
            if (!TIERS.contains(tier)) {
                throw new IllegalStateException(
                        at + ".tier: must be one of HOTLINE, STREET_OFFICE, COMMUNITY, OPERATOR");
            }
            if (!seen.add(tier)) {
                throw new IllegalStateException(at + ".tier: " + tier + " is in the chain twice");
            }
            tiers.add(new Tier(tier, duration(at, chain.get(i), "acknowledgeWithin")));
        }
        return new Rule(
                name,
                List.copyOf(tiers),
                duration(path, node, "dispatchWithin"),
                duration(path, node, "resolveWithin"));
    }

    private static JsonNode required(String path, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(path + "." + field + ": is required");
        }
        return value;
    }

    private static String text(String path, JsonNode node, String field) {
        JsonNode value = required(path, node, field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(path + "." + field + ": must be a non-blank string");
        }
        return value.asText();
    }

    private static long duration(String path, JsonNode node, String field) {
        String text = text(path, node, field);
        try {
            Duration duration = Duration.parse(text);
            if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalStateException(path + "." + field + ": must be at least 1 minute");
            }
            return duration.toMillis();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(path + "." + field + ": must be an ISO-8601 duration like PT3M or P1D");
        }
    }

    private static int integer(String path, JsonNode node, String field, int min, int max) {
        JsonNode value = required(path, node, field);
        if (!value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalStateException(path + "." + field + ": must be an integer between " + min + " and " + max);
        }
        return value.asInt();
    }

    private static double number(String path, JsonNode node, String field, double min, double max) {
        JsonNode value = required(path, node, field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new IllegalStateException(
                    path + "." + field + ": must be a number between " + (long) min + " and " + (long) max);
        }
        return value.asDouble();
    }
}
