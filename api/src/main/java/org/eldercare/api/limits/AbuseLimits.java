package org.eldercare.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code eldercare.limits.*}: the per-token limits of docs/CONTRACT.md §6.3. Every group has its own token bucket
 * and in-flight count per principal, so one abusive token cannot use up another's allowance.
 *
 * @param intake {@code POST /api/v1/events}: 50 requests/s, burst 100, 4 in flight
 * @param imports {@code POST /api/v1/imports} (CSV): 1 request/s, burst 2, 1 in flight
 * @param match {@code POST /api/v1/recipients/match}: 20 requests/s, burst 40, 4 in flight
 * @param matchBodySize the largest match body, 16 KiB
 * @param publicFinder {@code /api/v1/public/**} per client address, not per token (docs/CONTRACT.md §10.1): 5
 *     requests/s, burst 20, 2 in flight
 * @param maxTrackedPrincipals how many principals' buckets are kept at most (10,000); idle ones go first
 * @param family {@code /api/v1/family/**} per client address (docs/CONTRACT.md §10.4): 1 request/s, burst 10, 2 in
 *     flight, so that family access codes cannot be guessed
 */
@ConfigurationProperties("eldercare.limits")
public record AbuseLimits(
        Group intake,
        Group imports,
        Group match,
        DataSize matchBodySize,
        Integer maxTrackedPrincipals,
        Group publicFinder,
        Group family) {

    public static final Group DEFAULT_INTAKE = new Group(50.0, 100, 4);
    public static final Group DEFAULT_IMPORTS = new Group(1.0, 2, 1);
    public static final Group DEFAULT_MATCH = new Group(20.0, 40, 4);
    public static final Group DEFAULT_PUBLIC_FINDER = new Group(5.0, 20, 2);
    public static final Group DEFAULT_FAMILY = new Group(1.0, 10, 2);
    public static final DataSize DEFAULT_MATCH_BODY_SIZE = DataSize.ofKilobytes(16);
    public static final int DEFAULT_MAX_TRACKED_PRINCIPALS = 10_000;

    public AbuseLimits {
        intake = Group.orDefault(intake, DEFAULT_INTAKE);
        imports = Group.orDefault(imports, DEFAULT_IMPORTS);
        match = Group.orDefault(match, DEFAULT_MATCH);
        publicFinder = Group.orDefault(publicFinder, DEFAULT_PUBLIC_FINDER);
        family = Group.orDefault(family, DEFAULT_FAMILY);
        matchBodySize = matchBodySize == null ? DEFAULT_MATCH_BODY_SIZE : matchBodySize;
        maxTrackedPrincipals = maxTrackedPrincipals == null ? DEFAULT_MAX_TRACKED_PRINCIPALS : maxTrackedPrincipals;
        if (matchBodySize.toBytes() < 1 || matchBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("eldercare.limits.match-body-size: must be between 1 B and 2 GB");
        }
        if (maxTrackedPrincipals < 1) {
            throw new IllegalArgumentException("eldercare.limits.max-tracked-principals: must be at least 1");
        }
    }

    /** Every limit at its default. */
    public static AbuseLimits defaults() {
        return new AbuseLimits(null, null, null, null, null, null, null);
    }

    /**
     * One endpoint group's limits per principal. A property left out keeps its default.
     *
     * @param requestsPerSecond the steady rate the bucket refills at
     * @param burst the bucket's size: requests that may come at once after a quiet spell
     * @param concurrent requests in flight at once
     */
    public record Group(Double requestsPerSecond, Integer burst, Integer concurrent) {

        static Group orDefault(Group group, Group defaults) {
            Group g = group == null ? defaults : group;
            Group filled = new Group(
                    g.requestsPerSecond == null ? defaults.requestsPerSecond : g.requestsPerSecond,
                    g.burst == null ? defaults.burst : g.burst,
                    g.concurrent == null ? defaults.concurrent : g.concurrent);
            if (!(filled.requestsPerSecond > 0) || filled.burst < 1 || filled.concurrent < 1) {
                throw new IllegalArgumentException(
                        "eldercare.limits: requests-per-second must be above 0, burst and concurrent at least 1");
            }
            return filled;
        }
    }
}
