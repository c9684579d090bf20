package org.eldercare.benchmark.common;

import org.eldercare.infra.stack.LocalStack;
import org.eldercare.infra.stack.LocalStackConfig;
import org.eldercare.infra.stack.LocalStackProperty;

/**
 * The embedded stack (real Kafka and Elasticsearch child JVMs, Flink MiniCluster in this JVM) on free ports in a
 * run's {@link WorkDir}. Node heaps come from {@code --kafka-heap} / {@code --es-heap}; the node dirs are found
 * from the {@code eldercare.root} system property the run script sets.
 */
public final class BenchStack {

    private BenchStack() {}

    public static LocalStack start(WorkDir dir, String kafkaHeap, String esHeap) {
        System.setProperty(LocalStackProperty.KAFKA_HEAP.key(), kafkaHeap);
        System.setProperty(LocalStackProperty.ELASTICSEARCH_HEAP.key(), esHeap);
        LocalStackConfig config = LocalStackConfig.forTests(dir.resolve("stack"));
        long begin = System.nanoTime();
        System.out.printf(
                "[bench] starting the embedded stack (kafka -Xmx%s, elasticsearch -Xmx%s) ...%n", kafkaHeap, esHeap);
        LocalStack stack = LocalStack.start(config);
        System.out.printf(
                "[bench] stack up in %.1f s: kafka %s, elasticsearch %s%n",
                (System.nanoTime() - begin) / 1e9, stack.kafkaBootstrapServers(), stack.elasticsearchUrl());
        return stack;
    }
}
