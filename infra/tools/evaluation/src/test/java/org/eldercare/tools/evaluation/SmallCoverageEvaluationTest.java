package org.eldercare.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A register of 300 people and their noisy service records through the whole streaming job: the job's coverage of
 * every street and district equals the independent fold's (docs/CONTRACT.md §7.5), served read through the job's own
 * resolution.
 */
class SmallCoverageEvaluationTest {

    private static CoverageEvaluation.Result result;

    @BeforeAll
    static void runTheRegisterAndItsServicesThroughTheWholeJob() {
        result = CoverageEvaluation.run(5, 300);
    }

    @Test
    void countsTheEntitledAndServedOfEveryScopeAsTheFoldDoes() {
        assumeThat(result.sameDay())
                .as("the run did not cross midnight Asia/Shanghai")
                .isTrue();

        assertThat(result.differingScopes()).as(result.report()).isEmpty();
        assertThat(result.report()).contains("coverage counts equal to the fold's: yes (0 of ");
    }

    @Test
    void comparesRealCountsNotTwoEmptyReadings() {
        Coverage job = result.total(result::job);
        Coverage truth = result.total(result::truth);

        assertThat(result.jobOutput().rejections()).as("every event accepted").isEmpty();
        assertThat(result.jobOutput().records())
                .as("every record resolved by the job")
                .hasSize(result.set().records().size());
        assertThat(job.registered())
                .as("one person per registered ID number or entry")
                .isEqualTo(300);
        assertThat(truth.registered()).isEqualTo(300);
        assertThat(job.entitled()).as(result.report()).isGreaterThan(100);
        assertThat(job.served())
                .as("the window of 30 days holds some of 300 days of records")
                .isBetween(1L, job.entitled() - 1);
        assertThat(job.assessmentsOverdue()).isPositive();
        assertThat(result.scopes()).as("streets and districts").hasSizeGreaterThan(10);
    }
}
