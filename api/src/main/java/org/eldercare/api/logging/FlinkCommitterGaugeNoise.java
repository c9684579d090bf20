package org.eldercare.api.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops one known upstream warning and nothing else: Flink's {@code CommitterOperator} copies its
 * {@code CommittableCollector} on every checkpoint, and the copy registers the {@code pendingCommittables}
 * gauge again (FLINK-35321 / FLINK-37559, open in Flink 2.2 and 2.3; fixed on Flink's master only). With
 * two exactly-once Kafka sinks at parallelism 2 and a checkpoint every two seconds that is four WARN lines
 * every two seconds that bury real warnings.
 *
 * <p>The warning is harmless: the operator keeps its original collector, whose gauge stays registered
 * and correct; only the snapshot copy's duplicate is refused. Every other name collision, including
 * another metric of the same sinks, is still logged. Remove this filter when Flink ships the fix.
 */
public class FlinkCommitterGaugeNoise extends TurboFilter {

    static final String LOGGER = "org.apache.flink.metrics.MetricGroup";
    static final String WARNING = "Name collision: Group already contains a Metric with the name 'pendingCommittables'";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.WARN && format != null && LOGGER.equals(logger.getName()) && format.startsWith(WARNING)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
