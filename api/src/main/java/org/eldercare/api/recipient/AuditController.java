package org.eldercare.api.recipient;

import java.util.List;
import org.eldercare.api.system.PlainJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: recipient lookups, newest first, for ADMIN only. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<Object> audit(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page/size: page must be ≥ 0 and size between 1 and 500");
        }
        return audit.newest(page, size).stream().map(PlainJson::of).toList();
    }
}
