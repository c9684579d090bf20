package org.eldercare.api.workorder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.workorder.CallSearch;
import org.eldercare.search.workorder.WorkOrderSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hotline's call log (docs/CONTRACT.md §10.2), for HOTLINE, PLANNER and ADMIN, newest first, each call with the
 * orders opened on it (id, request type, state). A call names the caller by {@code recipientId} only; opening the
 * person is a recipient lookup, audited there.
 */
@RestController
class CallController {

    /** The index as the {@link CallLogReader}. */
    @Configuration
    static class CallsConfig {
        @Bean
        CallLogReader callLogReader(ElasticsearchClient elasticsearch) {
            return new CallSearch(elasticsearch)::page;
        }

        @Bean
        CallOrdersReader callOrdersReader(ElasticsearchClient elasticsearch) {
            return new WorkOrderSearch(elasticsearch)::ofCalls;
        }
    }

    /** An order as the call log shows it: enough to say what was asked for and how far it got. */
    record OrderOfCall(String workOrderId, String requestType, String state) {}

    /** A call of the log: its document and the orders opened on it ({@code []} when none). */
    record CallEntry(
            String callId,
            OffsetDateTime receivedAt,
            int durationSeconds,
            String districtCode,
            String streetCode,
            String reason,
            String recipientId,
            String desk,
            OffsetDateTime loggedAt,
            List<OrderOfCall> workOrders) {

        static CallEntry of(CallDocument call, List<WorkOrderDocument> orders) {
            return new CallEntry(
                    call.callId(),
                    call.receivedAt(),
                    call.durationSeconds(),
                    call.districtCode(),
                    call.streetCode(),
                    call.reason(),
                    call.recipientId(),
                    call.desk(),
                    call.loggedAt(),
                    orders.stream()
                            .map(o -> new OrderOfCall(o.workOrderId(), o.requestType(), o.state()))
                            .toList());
        }
    }

    private final CallLogReader calls;
    private final CallOrdersReader orders;

    CallController(CallLogReader calls, CallOrdersReader orders) {
        this.calls = calls;
        this.orders = orders;
    }

    @GetMapping("/api/v1/calls")
    Map<String, Object> page(
            @RequestParam(required = false) String streetCode,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        if (streetCode != null && !streetCode.matches("\\d{9}")) {
            throw new IllegalArgumentException("streetCode: must be a 9-digit street code");
        }
        int pageNumber = integer("page", page, 0);
        int pageSize = integer("size", size, 50);
        if (pageNumber < 0) {
            throw new IllegalArgumentException("page: must be at least 0");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("size: must be between 1 and 200");
        }
        List<CallDocument> items;
        try {
            items = calls.page(streetCode, pageNumber, pageSize);
        } catch (RuntimeException e) {
            throw new RequestRefusedException(
                    HttpStatus.SERVICE_UNAVAILABLE, "calls: the call index cannot be read, try again shortly");
        }
        Map<String, List<WorkOrderDocument>> ordersOf;
        try {
            ordersOf = orders.ofCalls(items.stream().map(CallDocument::callId).toList());
        } catch (RuntimeException e) {
            throw new RequestRefusedException(
                    HttpStatus.SERVICE_UNAVAILABLE, "calls: the work-order index cannot be read, try again shortly");
        }
        List<CallEntry> entries = items.stream()
                .map(c -> CallEntry.of(c, ordersOf.getOrDefault(c.callId(), List.of())))
                .toList();
        return Map.of("items", entries, "page", pageNumber, "size", pageSize);
    }

    private static int integer(String name, String value, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException(name + ": must be an integer");
        }
        return Integer.parseInt(value);
    }
}
