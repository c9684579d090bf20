package org.eldercare.tools.simulator;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the city simulator. Every setting has a property key, a default and a description in
 * {@link Key}; {@link #fromProperties(Function)} reads them from any property source, so {@code
 * ELDERCARE_SIMULATOR_ENABLED=false} works through Spring's relaxed binding.
 *
 * @param tokens bearer token per operator id; each facility's events are sent with its owner's token
 * @param runId distinguishes the live events of one run from an earlier run with the same seed;
 *     null means "derive from the seed" (deterministic streams for tests and benchmarks)
 */
public record SimulatorConfig(
        boolean enabled,
        double rate,
        long seed,
        List<String> districts,
        URI baseUrl,
        Map<String, String> tokens,
        int batchSize,
        int recipientsPerDistrict,
        double noiseRate,
        String runId) {

    public enum Key {
        ENABLED("eldercare.simulator.enabled", "true", "Run the simulator in the local stack"),
        RATE("eldercare.simulator.rate", "50", "Live events per second sent to the API"),
        SEED("eldercare.simulator.seed", "20201107", "Random seed: the same seed builds the same city"),
        DISTRICTS("eldercare.simulator.districts", "110109,110115", "District codes to simulate, comma-separated"),
        BASE_URL("eldercare.simulator.base-url", "http://127.0.0.1:8080", "Where the API listens"),
        TOKENS(
                "eldercare.simulator.tokens",
                "op-1=demo-operator-1,op-2=demo-operator-2",
                "operatorId=bearerToken pairs, comma-separated"),
        BATCH_SIZE("eldercare.simulator.batch-size", "500", "Most events per POST"),
        RECIPIENTS(
                "eldercare.simulator.recipients-per-district",
                "2000",
                "Elderly people receiving services, per district"),
        NOISE_RATE("eldercare.simulator.noise-rate", "0.2", "Share of service records with a hand-entry slip"),
        RUN_ID("eldercare.simulator.run-id", "", "Prefix of live event ids; empty: the start time");

        private final String property;
        private final String defaultValue;
        private final String description;

        Key(String property, String defaultValue, String description) {
            this.property = property;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String property() {
            return property;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }
    }

    public SimulatorConfig {
        districts = List.copyOf(districts);
        tokens = Map.copyOf(tokens);
        if (!(rate > 0)) {
            throw new IllegalArgumentException(Key.RATE.property + ": must be greater than 0");
        }
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalArgumentException(Key.BATCH_SIZE.property + ": must be between 1 and 5000");
        }
        if (noiseRate < 0 || noiseRate > 1) {
            throw new IllegalArgumentException(Key.NOISE_RATE.property + ": must be between 0 and 1");
        }
    }

    /** All defaults; {@code runId} left null, so streams are deterministic. */
    public static SimulatorConfig defaults() {
        return fromProperties(key -> null);
    }

    /** Reads each key's property; a null or blank answer means the default. */
    public static SimulatorConfig fromProperties(Function<String, String> properties) {
        Function<Key, String> value = key -> {
            String v = properties.apply(key.property);
            return v == null || v.isBlank() ? key.defaultValue : v.trim();
        };
        String runId = value.apply(Key.RUN_ID);
        return new SimulatorConfig(
                Boolean.parseBoolean(value.apply(Key.ENABLED)),
                Double.parseDouble(value.apply(Key.RATE)),
                Long.parseLong(value.apply(Key.SEED)),
                Arrays.stream(value.apply(Key.DISTRICTS).split(","))
                        .map(String::trim)
                        .toList(),
                URI.create(value.apply(Key.BASE_URL)),
                pairs(value.apply(Key.TOKENS)),
                Integer.parseInt(value.apply(Key.BATCH_SIZE)),
                Integer.parseInt(value.apply(Key.RECIPIENTS)),
                Double.parseDouble(value.apply(Key.NOISE_RATE)),
                runId.isEmpty() ? null : runId);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(
                enabled, rate, newSeed, districts, baseUrl, tokens, batchSize, recipientsPerDistrict, noiseRate, runId);
    }

    public SimulatorConfig withRunId(String newRunId) {
        return new SimulatorConfig(
                enabled, rate, seed, districts, baseUrl, tokens, batchSize, recipientsPerDistrict, noiseRate, newRunId);
    }

    public SimulatorConfig withRate(double newRate) {
        return new SimulatorConfig(
                enabled, newRate, seed, districts, baseUrl, tokens, batchSize, recipientsPerDistrict, noiseRate, runId);
    }

    public SimulatorConfig withBaseUrl(URI newBaseUrl) {
        return new SimulatorConfig(
                enabled, rate, seed, districts, newBaseUrl, tokens, batchSize, recipientsPerDistrict, noiseRate, runId);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(Key.TOKENS.property + ": must be operatorId=token pairs");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }

    /** Never print the tokens. */
    @Override
    public String toString() {
        return "SimulatorConfig[enabled=" + enabled + ", rate=" + rate + ", seed=" + seed + ", districts=" + districts
                + ", baseUrl=" + baseUrl + ", operators=" + tokens.keySet() + ", batchSize=" + batchSize + "]";
    }
}
