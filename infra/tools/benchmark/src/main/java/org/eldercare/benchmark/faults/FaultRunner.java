package org.eldercare.benchmark.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.ClusterPlatform;
import org.eldercare.infra.stack.LocalStackConfig;

/**
 * {@code ./eldercare bench faults --scenario taskmanager-kill|jobmanager-kill|kafka-stop|es-stop|none|all}: starts the
 * cluster mode (docs/CONTRACT.md §6.10) on free ports under a fresh data dir, runs each scenario of {@link
 * ClusterFaults} on it in turn, and prints per scenario the recovery time and whether every indicator field of every
 * scope equals the independent fold. Options: {@code --rate} events/s (200), {@code --before} and {@code --after}
 * seconds of stream around the fault (20, 40), {@code --outage} of a stopped broker or node (30), {@code --settle}
 * (180), {@code --parallelism} of the job (2), {@code --keep-data}. {@code --scenario rescale} instead restores one
 * savepoint at {@code --parallelisms} (1,2,4) with {@code --backlog} events (30,000) waiting, see {@link
 * ClusterRescale}.
 */
public final class FaultRunner {

    private FaultRunner() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String which = options.string("scenario", "taskmanager-kill");
        int rate = options.integer("rate", 200);
        Duration before = options.duration("before", Duration.ofSeconds(20));
        Duration after = options.duration("after", Duration.ofSeconds(40));
        Duration outage = options.duration("outage", Duration.ofSeconds(30));
        Duration settle = options.duration("settle", Duration.ofSeconds(180));
        int parallelism = options.integer("parallelism", 2);
        boolean keep = options.flag("keep-data");
        int backlog = options.integer("backlog", 30_000);
        List<Integer> parallelisms = new ArrayList<>();
        for (String p : options.string("parallelisms", "1,2,4").split(",")) {
            parallelisms.add(Integer.parseInt(p.strip()));
        }
        options.requireAllKnown();
        boolean rescale = which.equals("rescale");
        List<ClusterFaults.Scenario> scenarios = new ArrayList<>();
        if (which.equals("all")) {
            scenarios.addAll(List.of(
                    ClusterFaults.Scenario.TASKMANAGER_KILL,
                    ClusterFaults.Scenario.JOBMANAGER_KILL,
                    ClusterFaults.Scenario.KAFKA_STOP,
                    ClusterFaults.Scenario.ES_STOP));
        } else if (!rescale) {
            for (String one : which.split(",")) {
                scenarios.add(ClusterFaults.Scenario.parse(one.strip()));
            }
        }

        Report report = new Report("faults on the cluster mode (issue #14 item 2)");
        report.line(
                "stream",
                "%d events/s, fault after %d s, %d s more; outage %d s",
                rate,
                before.toSeconds(),
                after.toSeconds(),
                outage.toSeconds());
        report.line(
                "fresh", "indicators include every meal acknowledged %d s earlier", ClusterFaults.FRESH.toSeconds());
        boolean allExact = true;
        try (WorkDir work = WorkDir.create("eldercare-faults", keep)) {
            LocalStackConfig stack = LocalStackConfig.from(key -> switch (key) {
                case "eldercare.data-dir" -> work.resolve("data").toString();
                case "eldercare.flink.parallelism" -> Integer.toString(parallelism);
                default -> System.getProperty(key);
            });
            LocalStackConfig onFreePorts = LocalStackConfig.forTests(stack.dataDir());
            stack = new LocalStackConfig(
                    stack.dataDir(),
                    onFreePorts.kafkaPort(),
                    onFreePorts.kafkaControllerPort(),
                    stack.kafkaHeap(),
                    onFreePorts.esHttpPort(),
                    onFreePorts.esTransportPort(),
                    stack.esHeap(),
                    onFreePorts.flinkRestPort(),
                    stack.flinkTaskSlots(),
                    parallelism,
                    stack.kafkaNodeDir(),
                    stack.esNodeDir(),
                    stack.startupTimeout(),
                    stack.bindAddress());
            Path root = Path.of(System.getProperty("eldercare.root", "."));
            try (ClusterPlatform cluster = new ClusterPlatform(stack, root, stack.freePortBeside(), "PT2S")) {
                long begin = System.nanoTime();
                cluster.start();
                report.line(
                        "startup",
                        "%.1f s to a RUNNING job at parallelism %d",
                        (System.nanoTime() - begin) / 1e9,
                        parallelism);
                if (rescale) {
                    for (ClusterRescale.Restore r : new ClusterRescale(cluster).run(parallelisms, backlog, settle)) {
                        allExact &= r.differences().isEmpty();
                        report.line(
                                "p=" + r.parallelism(),
                                "%.0f events/s (%d backlog events drained in %.1f s from RUNNING); %s",
                                r.eventsPerSecond(),
                                r.backlog(),
                                r.drain().toMillis() / 1000.0,
                                r.differences().isEmpty()
                                        ? "every scope equals the fold"
                                        : "DIFFER: " + r.differences());
                    }
                }
                ClusterFaults faults = new ClusterFaults(cluster);
                for (ClusterFaults.Scenario scenario : scenarios) {
                    ClusterFaults.log("scenario " + scenario.cliName());
                    ClusterFaults.Result r = faults.run(scenario, rate, before, after, outage, settle);
                    allExact &= r.exactlyOnce();
                    report.line(
                            scenario.cliName(),
                            "recovery %s; %d events at %.0f/s; %d scopes %s; job %s; lag before the fault %s",
                            r.recovery() == null ? "NOT fresh again" : seconds(r.recovery()),
                            r.events(),
                            r.eventsPerSecond(),
                            r.scopes(),
                            r.exactlyOnce() ? "equal to the fold" : "DIFFER: " + r.differences(),
                            r.jobState(),
                            r.baselineLag() == null ? "n/a" : seconds(r.baselineLag()));
                }
            }
        }
        report.goal("every indicator field of every scope equals the fold after each fault", allExact, which);
        report.print();
        System.exit(allExact ? 0 : 1);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
