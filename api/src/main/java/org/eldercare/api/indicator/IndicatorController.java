package org.eldercare.api.indicator;

import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.indicator.IndicatorSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live indicators per district and street (docs/CONTRACT.md §3), and their per-minute history. */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {

    private final IndicatorSearch indicators;

    IndicatorController(IndicatorSearch indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/districts")
    List<IndicatorDocument> districts() {
        return indicators.districts();
    }

    @GetMapping("/districts/{code}")
    IndicatorDocument district(@PathVariable String code) {
        return indicators
                .district(code)
                .orElseThrow(() -> new NotFoundException("district " + code + ": no indicators"));
    }

    @GetMapping("/streets")
    List<IndicatorDocument> streets(@RequestParam(required = false) String districtCode) {
        return indicators.streets(districtCode);
    }

    @GetMapping("/streets/{code}")
    IndicatorDocument street(@PathVariable String code) {
        return indicators.street(code).orElseThrow(() -> new NotFoundException("street " + code + ": no indicators"));
    }

    @GetMapping("/history/{code}")
    List<IndicatorDocument> history(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        OffsetDateTime end = to == null ? OffsetDateTime.now() : to;
        OffsetDateTime start = from == null ? end.minusHours(24) : from;
        return indicators.history(code, start, end);
    }
}
