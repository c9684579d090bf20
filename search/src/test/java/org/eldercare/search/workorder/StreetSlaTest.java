package org.eldercare.search.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.WorkOrderDocument;
import org.junit.jupiter.api.Test;

/** The service levels of docs/CONTRACT.md §10.3, per street, from the orders. */
class StreetSlaTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    static final Duration DISPATCH_SLA = Duration.ofMinutes(30);
    static final Duration CLOSE_SLA = Duration.ofHours(24);
    static final String DAYU = "110109001";
    static final String CHENGZI = "110109002";

    static WorkOrderDocument order(
            String id, String street, String state, int openedMinutesAgo, Long toDispatch, Long toClose) {
        OffsetDateTime opened = NOW.minusMinutes(openedMinutesAgo);
        return new WorkOrderDocument(
                id,
                null,
                "BATHING",
                "110109",
                street,
                new GeoPoint(39.93, 116.1),
                null,
                state,
                opened,
                toDispatch == null ? null : opened.plusSeconds(toDispatch),
                toDispatch == null ? null : "f-1",
                toDispatch == null ? null : 0.4,
                toClose == null ? null : opened.plusSeconds(toClose),
                toClose == null ? null : "op-1:r-" + id,
                toDispatch,
                toClose);
    }

    @Test
    void countsOpenOrdersAndThoseOverTheDispatchAndCloseSla() {
        Map<String, StreetSla> sla = StreetSla.of(
                List.of(
                        order("w1", DAYU, "OPEN", 10, null, null),
                        order("w2", DAYU, "OPEN", 45, null, null),
                        order("w3", DAYU, "DISPATCHED", 26 * 60, 600L, null)),
                NOW,
                DISPATCH_SLA,
                CLOSE_SLA);

        StreetSla dayu = sla.get(DAYU);
        assertThat(dayu.open()).isEqualTo(3);
        assertThat(dayu.breachedDispatch()).as("w2, open 45 min undispatched").isEqualTo(1);
        assertThat(dayu.breachedClose()).as("w3, open 26 h").isEqualTo(1);
    }

    @Test
    void givesTheMedianAndNinetiethPercentileOverTheLastDayByNearestRank() {
        Map<String, StreetSla> sla = StreetSla.of(
                List.of(
                        order("w1", CHENGZI, "CLOSED", 60, 60L, 1800L),
                        order("w2", CHENGZI, "CLOSED", 120, 120L, 3600L),
                        order("w3", CHENGZI, "CLOSED", 180, 300L, 7200L),
                        order("w4", CHENGZI, "CLOSED", 240, 900L, 9000L),
                        order("old", CHENGZI, "CLOSED", 3 * 24 * 60, 5000L, 90_000L)),
                NOW,
                DISPATCH_SLA,
                CLOSE_SLA);

        StreetSla chengzi = sla.get(CHENGZI);
        assertThat(chengzi.open()).isZero();
        assertThat(chengzi.dispatchP50()).isEqualTo(120L);
        assertThat(chengzi.dispatchP90()).isEqualTo(900L);
        assertThat(chengzi.closeP50()).isEqualTo(3600L);
        assertThat(chengzi.closeP90())
                .as("the order closed two days ago is out of the window")
                .isEqualTo(9000L);
    }

    @Test
    void leavesOutAStreetWithNothingOpenAndNothingInTheWindow() {
        assertThat(StreetSla.of(
                        List.of(order("old", DAYU, "CLOSED", 3 * 24 * 60, 60L, 3600L)), NOW, DISPATCH_SLA, CLOSE_SLA))
                .isEmpty();
    }
}
