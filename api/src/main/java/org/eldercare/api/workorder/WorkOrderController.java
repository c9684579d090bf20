package org.eldercare.api.workorder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.workorder.StreetSla;
import org.eldercare.search.workorder.WorkOrderSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading the hotline's work orders (docs/CONTRACT.md §10.2) and their service levels per street (§10.3), for HOTLINE,
 * PLANNER and ADMIN. Orders name people by {@code recipientId} only; opening the person is a recipient lookup, audited
 * there.
 */
@RestController
@RequestMapping("/api/v1/workorders")
class WorkOrderController {

    private static final Set<String> STATES =
            Set.of(WorkOrderDocument.OPEN, WorkOrderDocument.DISPATCHED, WorkOrderDocument.CLOSED);

    private final WorkOrderSearch orders;
    private final WorkOrderSettings settings;
    private final Regions regions;

    WorkOrderController(ElasticsearchClient elasticsearch, WorkOrderSettings settings, Regions regions) {
        this.orders = new WorkOrderSearch(elasticsearch);
        this.settings = settings;
        this.regions = regions;
    }

    @GetMapping
    Map<String, Object> page(
            @RequestParam(required = false) String streetCode,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (streetCode != null && !streetCode.matches("\\d{9}")) {
            throw new IllegalArgumentException("streetCode: must be a 9-digit street code");
        }
        if (state != null && !STATES.contains(state)) {
            throw new IllegalArgumentException("state: must be one of OPEN, DISPATCHED, CLOSED");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page: must be at least 0");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size: must be between 1 and 200");
        }
        return Map.of("items", orders.page(streetCode, state, page, size), "page", page, "size", size);
    }

    @GetMapping("/{workOrderId}")
    WorkOrderDocument one(@PathVariable String workOrderId) {
        return orders.byId(workOrderId)
                .orElseThrow(() -> new NotFoundException("workOrderId: no work order " + workOrderId));
    }

    /** The figures of §10.3 for the streets of one district, for the dashboard. */
    @GetMapping("/sla")
    Map<String, Object> sla(@RequestParam String districtCode) {
        if (!regions.districtExists(districtCode)) {
            throw new IllegalArgumentException("districtCode: must be a known district code");
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<StreetSla> streets = StreetSla.of(
                        orders.forSla(now.minusHours(24)),
                        now,
                        settings.sla().dispatch(),
                        settings.sla().close())
                .values()
                .stream()
                .filter(s -> s.streetCode() != null && s.streetCode().startsWith(districtCode))
                .toList();
        return Map.of(
                "districtCode",
                districtCode,
                "dispatchSla",
                settings.sla().dispatch().toString(),
                "closeSla",
                settings.sla().close().toString(),
                "streets",
                streets);
    }
}
