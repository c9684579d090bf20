package org.eldercare.api.indicator;

import org.eldercare.api.status.ComponentCheck;
import org.springframework.stereotype.Component;

/**
 * {@code components.indicatorStream} of {@code /api/v1/status}: DOWN while the live stream cannot read
 * the indicators index, with since when and why, so a stream that stays silent is visible to operators.
 */
@Component
class IndicatorStreamCheck implements ComponentCheck {

    private final IndicatorBroadcaster broadcaster;

    IndicatorStreamCheck(IndicatorBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    public String name() {
        return "indicatorStream";
    }

    @Override
    public State check() {
        return broadcaster
                .lastFailure()
                .map(f -> new State(false, "reading indicators fails since " + f.since() + ": " + f.reason()))
                .orElseGet(() -> new State(true, broadcaster.openStreams() + " open streams"));
    }
}
