package org.eldercare.tools.evaluation;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts records by (resolved cluster, true person) and derives pairwise precision and recall without listing
 * pairs: a group of n records holds n(n-1)/2 pairs.
 */
public final class Contingency {

    private final Map<String, Map<String, Integer>> byCluster = new HashMap<>();
    private final Map<String, Integer> clusterSizes = new HashMap<>();
    private final Map<String, Integer> truthSizes = new HashMap<>();
    private final Map<String, String> clusterOfRecord = new HashMap<>();

    /** Counts record {@code recordKey} under {@code cluster}, remembering where it went. */
    void add(String recordKey, String cluster, String truth) {
        clusterOfRecord.put(recordKey, cluster);
        add(cluster, truth);
    }

    /** The cluster {@link #add(String, String, String)} put the record in. */
    String clusterOfRecord(String recordKey) {
        return clusterOfRecord.get(recordKey);
    }

    void add(String cluster, String truth) {
        byCluster.computeIfAbsent(cluster, k -> new HashMap<>()).merge(truth, 1, Integer::sum);
        clusterSizes.merge(cluster, 1, Integer::sum);
        truthSizes.merge(truth, 1, Integer::sum);
    }

    double precision() {
        long predicted = pairs(clusterSizes);
        return predicted == 0 ? 1.0 : (double) truePairs() / predicted;
    }

    double recall() {
        long actual = pairs(truthSizes);
        return actual == 0 ? 1.0 : (double) truePairs() / actual;
    }

    /** Per resolved cluster, how many of its records belong to each true person. */
    Map<String, Map<String, Integer>> clusters() {
        return java.util.Collections.unmodifiableMap(byCluster);
    }

    /** For each cluster, the true person most of its records belong to. */
    Map<String, String> majorityTruth() {
        Map<String, String> out = new HashMap<>();
        byCluster.forEach((cluster, truths) -> out.put(
                cluster,
                truths.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey()));
        return out;
    }

    private long truePairs() {
        return byCluster.values().stream().mapToLong(Contingency::pairs).sum();
    }

    private static long pairs(Map<String, Integer> sizes) {
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }
}
