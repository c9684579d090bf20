package org.eldercare.api.intake;

import java.util.List;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.rejection.RejectionPage;
import org.eldercare.search.rejection.RejectionSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rejections}: an operator's own rejected events, newest first, paged — both those
 * refused at intake and those refused downstream (ownership, unknown facility, capacity bounds). The
 * raw payload is never returned: it may hold personal data.
 */
@RestController
class RejectionController {

    private final RejectionSearch rejections;

    RejectionController(RejectionSearch rejections) {
        this.rejections = rejections;
    }

    @GetMapping("/api/v1/rejections")
    RejectionsView rejections(
            @RequestParam(required = false) String operatorId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Caller caller = CurrentCaller.get();
        String operator = caller.isOperator() ? caller.operatorId() : operatorId;
        if (operator == null) {
            throw new IllegalArgumentException("operatorId: required for a non-operator token");
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page/size: page must be ≥ 0 and size between 1 and 500");
        }
        RejectionPage found = rejections.byOperator(operator, page, size);
        return new RejectionsView(
                found.items().stream().map(RejectionView::of).toList(), found.total(), found.page(), found.size());
    }

    record RejectionsView(List<RejectionView> items, long total, int page, int size) {}

    record RejectionView(
            String eventId, String source, String type, List<String> reasons, String stage, String rejectedAt) {
        static RejectionView of(Rejection r) {
            return new RejectionView(
                    r.eventId(), r.source(), r.type(), r.reasons(), r.stage(), String.valueOf(r.rejectedAt()));
        }
    }
}
