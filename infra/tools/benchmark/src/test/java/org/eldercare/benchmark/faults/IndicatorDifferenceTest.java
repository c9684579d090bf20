package org.eldercare.benchmark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.streaming.ExpectedIndicators;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;

/** The fault runner's verdict: which indicator fields of a scope differ from the fold, and by how much. */
class IndicatorDifferenceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate DAY = Events.T0.toLocalDate();
    static final IndicatorDocument FOLD = new ExpectedIndicators(CityDay.events(Events.T0)).of(Events.STREET, DAY);

    @Test
    void theFoldEqualsItself() {
        assertThat(ClusterFaults.difference(FOLD, FOLD)).isNull();
    }

    @Test
    void aRatioComputedInAnotherOrderIsNoDifference() throws Exception {
        IndicatorDocument job = with("bedsPerThousandResidents", FOLD.bedsPerThousandResidents() + 1e-12);

        assertThat(ClusterFaults.difference(job, FOLD)).isNull();
    }

    @Test
    void aMealCountedTwiceIsNamedWithBothValues() throws Exception {
        IndicatorDocument job = with("mealsServedToday", FOLD.mealsServedToday() + 1);

        assertThat(ClusterFaults.difference(job, FOLD))
                .isEqualTo(
                        "mealsServedToday: job " + (FOLD.mealsServedToday() + 1) + ", fold " + FOLD.mealsServedToday());
    }

    private static IndicatorDocument with(String field, double value) throws Exception {
        ObjectNode tree = JSON.valueToTree(FOLD);
        tree.put(field, value);
        return JSON.treeToValue(tree, IndicatorDocument.class);
    }

    private static IndicatorDocument with(String field, long value) throws Exception {
        ObjectNode tree = JSON.valueToTree(FOLD);
        tree.put(field, value);
        return JSON.treeToValue(tree, IndicatorDocument.class);
    }
}
