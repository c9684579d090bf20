package org.eldercare.api.indicator;

import java.util.List;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.indicator.IndicatorSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/alerts}: the active alerts, optionally of one district. */
@RestController
class AlertController {

    private final IndicatorSearch indicators;

    AlertController(IndicatorSearch indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertDocument> alerts(@RequestParam(required = false) String districtCode) {
        return indicators.alerts(districtCode);
    }
}
