package org.eldercare.tools.simulator;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * Settings of the city simulator. Every setting is a {@link Setting} constant here (key, default, description,
 * rules; all in {@link #SETTINGS}); {@link #fromProperties(Function)} reads them from any property source, so {@code
 * ELDERCARE_SIMULATOR_ENABLED=false} works through Spring's relaxed binding.
 *
 * @param tokens bearer token per operator id; each facility's events are sent with its owner's token
 * @param civilAffairsToken bearer token of the CIVIL_AFFAIRS role the register events are sent with (§7.1)
 * @param terminals the virtual nursing home's terminals, visits and hotline desk (§9)
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
        int registeredPerDistrict,
        double registerChangesPerMinute,
        String civilAffairsToken,
        TerminalConfig terminals,
        String runId) {

    // Read leniently as before (anything but "true" is false), unlike Setting.bool; making it strict would change
    // what an existing ELDERCARE_SIMULATOR_ENABLED=no does (issue #13 keeps behaviour).
    public static final Setting<Boolean> ENABLED = Setting.of(
            "eldercare.simulator.enabled",
            "true",
            "Run the simulator in the local stack",
            "true or false",
            text -> Boolean.parseBoolean(text.trim()),
            String::valueOf);
    public static final Setting<Double> RATE = Setting.decimal(
                    "eldercare.simulator.rate", "50", "Live events per second sent to the API")
            .rule(r -> r > 0, "must be greater than 0");
    public static final Setting<Long> SEED = Setting.longInteger(
            "eldercare.simulator.seed", "20201107", "Random seed: the same seed builds the same city");
    public static final Setting<List<String>> DISTRICTS = Setting.of(
            "eldercare.simulator.districts",
            "110109,110115",
            "District codes to simulate, comma-separated",
            "district codes, comma-separated",
            text -> Arrays.stream(text.split(",")).map(String::trim).toList(),
            codes -> String.join(",", codes));
    public static final Setting<URI> BASE_URL =
            Setting.uri("eldercare.simulator.base-url", "http://127.0.0.1:8080", "Where the API listens");
    public static final Setting<Map<String, String>> TOKENS = Setting.of(
                    "eldercare.simulator.tokens",
                    "op-1=demo-operator-1,op-2=demo-operator-2",
                    "operatorId=bearerToken pairs, comma-separated",
                    "operatorId=token pairs",
                    SimulatorConfig::pairs,
                    SimulatorConfig::unpairs)
            .secret();
    public static final Setting<Integer> BATCH_SIZE = Setting.integer(
                    "eldercare.simulator.batch-size", "500", "Most events per POST")
            .rule(n -> n >= 1 && n <= 5_000, "must be between 1 and 5000");
    public static final Setting<Integer> RECIPIENTS = Setting.integer(
            "eldercare.simulator.recipients-per-district", "2000", "Elderly people receiving services, per district");
    public static final Setting<Double> NOISE_RATE = Setting.decimal(
                    "eldercare.simulator.noise-rate", "0.2", "Share of service records with a hand-entry slip")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");
    public static final Setting<Integer> REGISTERED = Setting.integer(
                    "eldercare.simulator.registered-per-district",
                    "1500",
                    "Older people in the civil-affairs register, per district (half of them served); 0: no register")
            .rule(n -> n >= 0 && n <= 100_000, "must be between 0 and 100000");
    public static final Setting<Double> REGISTER_CHANGES = Setting.decimal(
                    "eldercare.simulator.register-changes-per-minute",
                    "30",
                    "Register updates and assessments sent per minute after the register")
            .rule(r -> r >= 0 && r <= 6_000, "must be between 0 and 6000");
    public static final Setting<String> CIVIL_AFFAIRS_TOKEN = Setting.text(
                    "eldercare.simulator.civil-affairs-token",
                    "demo-civil-affairs",
                    "Bearer token of a CIVIL_AFFAIRS client, for the register events")
            .secret();
    public static final Setting<String> RUN_ID =
            Setting.text("eldercare.simulator.run-id", "", "Prefix of live event ids; empty: the start time");

    /** Every setting, in the order the README lists them. */
    public static final List<Setting<?>> SETTINGS = java.util.stream.Stream.concat(
                    List.<Setting<?>>of(
                            ENABLED,
                            RATE,
                            SEED,
                            DISTRICTS,
                            BASE_URL,
                            TOKENS,
                            BATCH_SIZE,
                            RECIPIENTS,
                            NOISE_RATE,
                            REGISTERED,
                            REGISTER_CHANGES,
                            CIVIL_AFFAIRS_TOKEN,
                            RUN_ID)
                            .stream(),
                    TerminalConfig.SETTINGS.stream())
            .toList();

    public SimulatorConfig {
        districts = List.copyOf(districts);
        tokens = Map.copyOf(tokens);
        java.util.Objects.requireNonNull(terminals, "terminals");
        RATE.check(rate);
        BATCH_SIZE.check(batchSize);
        NOISE_RATE.check(noiseRate);
        REGISTERED.check(registeredPerDistrict);
        REGISTER_CHANGES.check(registerChangesPerMinute);
    }

    /** All defaults; {@code runId} left null, so streams are deterministic. */
    public static SimulatorConfig defaults() {
        return from(Settings.none());
    }

    /** Reads each key's property; a null or blank answer means the default. */
    public static SimulatorConfig fromProperties(Function<String, String> properties) {
        return from(Settings.from(properties));
    }

    /** Reads every setting from {@code settings}; a blank value means the default. */
    public static SimulatorConfig from(Settings settings) {
        Settings s = settings.blankAsUnset();
        String runId = s.get(RUN_ID);
        return new SimulatorConfig(
                s.get(ENABLED),
                s.get(RATE),
                s.get(SEED),
                s.get(DISTRICTS),
                s.get(BASE_URL),
                s.get(TOKENS),
                s.get(BATCH_SIZE),
                s.get(RECIPIENTS),
                s.get(NOISE_RATE),
                s.get(REGISTERED),
                s.get(REGISTER_CHANGES),
                s.get(CIVIL_AFFAIRS_TOKEN),
                TerminalConfig.from(s),
                runId.isEmpty() ? null : runId);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(
                enabled,
                rate,
                newSeed,
                districts,
                baseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                registeredPerDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                terminals,
                runId);
    }

    public SimulatorConfig withRunId(String newRunId) {
        return new SimulatorConfig(
                enabled,
                rate,
                seed,
                districts,
                baseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                registeredPerDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                terminals,
                newRunId);
    }

    public SimulatorConfig withRate(double newRate) {
        return new SimulatorConfig(
                enabled,
                newRate,
                seed,
                districts,
                baseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                registeredPerDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                terminals,
                runId);
    }

    public SimulatorConfig withBaseUrl(URI newBaseUrl) {
        return new SimulatorConfig(
                enabled,
                rate,
                seed,
                districts,
                newBaseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                registeredPerDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                terminals,
                runId);
    }

    /** A copy with {@code perDistrict} older people in the register per district. */
    public SimulatorConfig withRegisteredPerDistrict(int perDistrict) {
        return new SimulatorConfig(
                enabled,
                rate,
                seed,
                districts,
                baseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                perDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                terminals,
                runId);
    }

    /** A copy with other terminal, visit and hotline settings. */
    public SimulatorConfig withTerminals(TerminalConfig newTerminals) {
        return new SimulatorConfig(
                enabled,
                rate,
                seed,
                districts,
                baseUrl,
                tokens,
                batchSize,
                recipientsPerDistrict,
                noiseRate,
                registeredPerDistrict,
                registerChangesPerMinute,
                civilAffairsToken,
                newTerminals,
                runId);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not an operatorId=token pair");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }

    private static String unpairs(Map<String, String> tokens) {
        StringBuilder text = new StringBuilder();
        tokens.forEach((operator, token) -> text.append(text.isEmpty() ? "" : ",")
                .append(operator)
                .append('=')
                .append(token));
        return text.toString();
    }

    /** Never print the tokens. */
    @Override
    public String toString() {
        return "SimulatorConfig[enabled=" + enabled + ", rate=" + rate + ", seed=" + seed + ", districts=" + districts
                + ", baseUrl=" + baseUrl + ", operators=" + tokens.keySet() + ", batchSize=" + batchSize
                + ", registeredPerDistrict=" + registeredPerDistrict + ", " + terminals + "]";
    }
}
