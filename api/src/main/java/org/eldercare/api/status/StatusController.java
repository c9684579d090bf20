package org.eldercare.api.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.api.intake.IntakeCounters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/status}: intake totals since start, the pipeline's pending events (0 when every
 * accepted event is reflected; tests and clients wait on it), the state of each component, and, when one is
 * configured, the Flink cluster's TaskManagers, slots and jobs (docs/CONTRACT.md §6.10).
 */
@RestController
class StatusController {

    private final IntakeCounters counters;
    private final PipelineProgress progress;
    private final List<ComponentCheck> checks;
    private final ObjectProvider<ClusterView> clusters;

    StatusController(
            IntakeCounters counters,
            PipelineProgress progress,
            List<ComponentCheck> checks,
            ObjectProvider<ClusterView> clusters) {
        this.counters = counters;
        this.progress = progress;
        this.checks = checks;
        this.clusters = clusters;
    }

    @GetMapping("/api/v1/status")
    Map<String, Object> status() {
        Map<String, Object> components = new LinkedHashMap<>();
        for (ComponentCheck check : checks) {
            ComponentCheck.State state = check.check();
            components.put(check.name(), Map.of("status", state.status(), "detail", state.detail()));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put(
                "ingest",
                Map.of(
                        "accepted", counters.accepted(),
                        "rejected", counters.rejected(),
                        "duplicates", counters.duplicates()));
        status.put("pipeline", Map.of("pendingEvents", progress.pendingEvents()));
        status.put("components", components);
        // Only the cluster mode (and a deployment that sets eldercare.flink.rest-url) has one.
        clusters.ifAvailable(cluster -> status.put("flink", cluster.view()));
        return status;
    }
}
