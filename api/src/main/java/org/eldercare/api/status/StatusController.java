package org.eldercare.api.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.api.intake.IntakeCounters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/status}: intake totals since start, the pipeline's pending events (0 when every
 * accepted event is reflected; tests and clients wait on it), and the state of each component.
 */
@RestController
class StatusController {

    private final IntakeCounters counters;
    private final PipelineProgress progress;
    private final List<ComponentCheck> checks;

    StatusController(IntakeCounters counters, PipelineProgress progress, List<ComponentCheck> checks) {
        this.counters = counters;
        this.progress = progress;
        this.checks = checks;
    }

    @GetMapping("/api/v1/status")
    Map<String, Object> status() {
        Map<String, Object> components = new LinkedHashMap<>();
        for (ComponentCheck check : checks) {
            ComponentCheck.State state = check.check();
            components.put(check.name(), Map.of("status", state.status(), "detail", state.detail()));
        }
        return Map.of(
                "ingest",
                        Map.of(
                                "accepted", counters.accepted(),
                                "rejected", counters.rejected(),
                                "duplicates", counters.duplicates()),
                "pipeline", Map.of("pendingEvents", progress.pendingEvents()),
                "components", components);
    }
}
