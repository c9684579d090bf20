package org.eldercare.api.workorder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eldercare.workorders.*}: the hotline's service levels (docs/CONTRACT.md §10.3).
 *
 * @param sla how soon an order is dispatched ({@code PT30M}) and closed ({@code PT24H}) after it is opened
 */
@ConfigurationProperties("eldercare.workorders")
public record WorkOrderSettings(Sla sla) {

    public static final Duration DEFAULT_DISPATCH = Duration.ofMinutes(30);
    public static final Duration DEFAULT_CLOSE = Duration.ofHours(24);

    public WorkOrderSettings {
        sla = sla == null ? new Sla(null, null) : sla;
    }

    public record Sla(Duration dispatch, Duration close) {
        public Sla {
            dispatch = dispatch == null ? DEFAULT_DISPATCH : dispatch;
            close = close == null ? DEFAULT_CLOSE : close;
            if (dispatch.isNegative() || dispatch.isZero()) {
                throw new IllegalArgumentException("eldercare.workorders.sla.dispatch: must be above 0");
            }
            if (close.isNegative() || close.isZero()) {
                throw new IllegalArgumentException("eldercare.workorders.sla.close: must be above 0");
            }
        }
    }
}
