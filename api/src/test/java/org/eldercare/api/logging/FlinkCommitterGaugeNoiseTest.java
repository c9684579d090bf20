package org.eldercare.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlinkCommitterGaugeNoiseTest {

    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void logging() {
        FlinkCommitterGaugeNoise filter = new FlinkCommitterGaugeNoise();
        filter.start();
        context.addTurboFilter(filter);
        logged.setContext(context);
        logged.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
    }

    @Test
    void dropsTheCommittersRepeatedPendingCommittablesCollision() {
        metricGroupLog().warn(collision("pendingCommittables"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void keepsEveryOtherNameCollision() {
        metricGroupLog().warn(collision("currentSendTime"));
        metricGroupLog().warn("Name collision: Adding a metric subgroup with the same name as an existing metric: 'x'");

        assertThat(logged.list).hasSize(2);
    }

    @Test
    void keepsTheSameTextFromAnyOtherLoggerOrLevel() {
        context.getLogger("org.eldercare.streaming").warn(collision("pendingCommittables"));
        metricGroupLog().error(collision("pendingCommittables"));

        assertThat(logged.list).hasSize(2);
    }

    private Logger metricGroupLog() {
        return context.getLogger(FlinkCommitterGaugeNoise.LOGGER);
    }

    private static String collision(String metric) {
        return "Name collision: Group already contains a Metric with the name '" + metric
                + "'. Metric will not be reported.[, taskmanager, tm-1, eldercare live indicators, dead letters:"
                + " Committer, 0]";
    }
}
