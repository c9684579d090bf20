package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.register.CareLabel;
import org.eldercare.streaming.indicator.ScopeInfo;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The coverage evaluation (issue #15, docs/CONTRACT.md §7.5): the register set's events and noisy service records go
 * through the whole streaming job on a MiniCluster ({@link CoveragePipeline}); the job's coverage of every street and
 * district is compared with {@link CoverageFold}, which applies §7.5 to the same events apart from the job and reads
 * "served" through the job's own resolution, so the comparison isolates the coverage computation. Beside them, the
 * truth's coverage: the generator's true persons and labels, served when a record of theirs really falls in the
 * window, which shows what resolution errors (and entries without an ID number) cost coverage.
 */
public final class CoverageEvaluation {

    private CoverageEvaluation() {}

    /** Generates {@code registered} people from {@code seed}, as the register evaluation does, and compares. */
    public static Result run(long seed, int registered) {
        Regions regions = Regions.load();
        LocalDate today = LocalDate.ofEpochDay(ShanghaiTime.epochDay(System.currentTimeMillis()));
        return run(new RegisterSetGenerator(seed, regions).generate(registered, today), regions);
    }

    static Result run(RegisterSet set, Regions regions) {
        CoveragePipeline.Output job = CoveragePipeline.run(set, RegisterEvaluation.KEY);
        LocalDate today = job.lastDay();
        Map<String, Coverage> fold = new CoverageFold(set, job, RegisterEvaluation.KEY).coverage(today);
        return new Result(set, job, fold, truth(set, today), scopes(regions, job, fold), today, regions);
    }

    /** Every reference scope, and any other the job or the fold names. */
    private static List<String> scopes(Regions regions, CoveragePipeline.Output job, Map<String, Coverage> fold) {
        Set<String> scopes = new TreeSet<>(ScopeInfo.allCodes(regions));
        scopes.addAll(job.coverage().keySet());
        scopes.addAll(fold.keySet());
        return List.copyOf(scopes);
    }

    /**
     * The coverage of the truth on {@code today}: each registered true person once, in their street and district, with
     * the labels {@link GroundTruth} gives them; served when one of their own records started within the 30 days
     * ending today (whether or not they were registered with an ID number).
     */
    static Map<String, Coverage> truth(RegisterSet set, LocalDate today) {
        Map<String, LocalDate> lastRecord = new HashMap<>();
        ZoneId shanghai = ShanghaiTime.ZONE;
        for (LabelledRecord r : set.records()) {
            LocalDate day = r.at().atZone(shanghai).toLocalDate();
            lastRecord.merge(r.truthId(), day, (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, CoverageFold.Counts> scopes = new HashMap<>();
        for (TruePerson p : set.persons()) {
            RegisterFacts facts = set.facts().get(p.truthId());
            if (facts == null) {
                continue; // served, never registered
            }
            Set<String> labels = GroundTruth.labels(p, facts, today).stream()
                    .map(CareLabel::name)
                    .collect(Collectors.toSet());
            LocalDate last = lastRecord.get(p.truthId());
            boolean served = last != null && !last.isBefore(today.minusDays(29));
            for (String scope : List.of(p.street().code(), p.street().districtCode())) {
                scopes.computeIfAbsent(scope, s -> new CoverageFold.Counts()).add(labels, served);
            }
        }
        Map<String, Coverage> out = new HashMap<>();
        scopes.forEach((scope, counts) -> out.put(scope, counts.coverage()));
        return out;
    }

    /** The figures of one run. */
    public static final class Result {
        private final RegisterSet set;
        private final CoveragePipeline.Output job;
        private final Map<String, Coverage> fold;
        private final Map<String, Coverage> truth;
        private final List<String> scopes;
        private final LocalDate today;
        private final Regions regions;

        Result(
                RegisterSet set,
                CoveragePipeline.Output job,
                Map<String, Coverage> fold,
                Map<String, Coverage> truth,
                List<String> scopes,
                LocalDate today,
                Regions regions) {
            this.set = set;
            this.job = job;
            this.fold = fold;
            this.truth = truth;
            this.scopes = scopes;
            this.today = today;
            this.regions = regions;
        }

        /** The street and district codes compared. */
        public List<String> scopes() {
            return scopes;
        }

        /** The job's coverage of {@code scope}, or null when it published none. */
        public Coverage job(String scope) {
            return job.coverage().get(scope);
        }

        /** The fold's coverage of {@code scope}: nobody's when no register entry counts there. */
        public Coverage fold(String scope) {
            return fold.getOrDefault(scope, CoverageFold.empty());
        }

        /** The truth's coverage of {@code scope}. */
        public Coverage truth(String scope) {
            return truth.getOrDefault(scope, CoverageFold.empty());
        }

        /** The scopes whose coverage the job and the fold disagree on, in code order. */
        public List<String> differingScopes() {
            return scopes.stream().filter(s -> !fold(s).equals(job(s))).toList();
        }

        /** The job ran within one Asia/Shanghai day, so its "today" is the fold's. */
        public boolean sameDay() {
            return job.firstDay().equals(job.lastDay());
        }

        CoveragePipeline.Output jobOutput() {
            return job;
        }

        RegisterSet set() {
            return set;
        }

        /** The sum over the districts: every registered person once. */
        Coverage total(java.util.function.Function<String, Coverage> reading) {
            CoverageSum sum = new CoverageSum();
            for (District d : regions.districts()) {
                Coverage c = reading.apply(d.code());
                if (c != null) {
                    sum.add(c);
                }
            }
            return sum.coverage();
        }

        public String report() {
            StringBuilder out = new StringBuilder();
            long current = job.recipients().values().stream()
                    .filter(e -> !e.isRedirect())
                    .count();
            out.append(String.format(
                    Locale.ROOT,
                    "coverage evaluation (docs/CONTRACT.md §7.5) as of %s (Asia/Shanghai)%n"
                            + "job: the whole indicator job on a MiniCluster over %d events (%d register events, %d"
                            + " service records); %d person documents, %d records resolved, %d current recipients,"
                            + " %d dead letters%s%n",
                    today,
                    set.events().size() + set.records().size() + 1,
                    set.events().size(),
                    set.records().size(),
                    job.persons().size(),
                    job.records().size(),
                    current,
                    job.rejections().size(),
                    job.rejections().isEmpty()
                            ? ""
                            : " (first: " + job.rejections().getFirst() + ")"));
            out.append(String.format(
                    "fold: §7.5 applied to the same events apart from the job, served read through the job's"
                            + " resolution (record -> recipient -> ID digest)%n"
                            + "truth: true persons and labels, served when a record of theirs is in the window"
                            + " (people registered without an ID number included)%n"));
            Coverage j = total(this::job);
            Coverage f = total(this::fold);
            Coverage t = total(this::truth);
            out.append(String.format(
                    Locale.ROOT,
                    "%-28s %20s %26s %29s%n",
                    "all districts",
                    "entitled job/fold/truth",
                    "served job/fold/truth",
                    "rate job/fold/truth"));
            for (int g = 0; g < CoverageFold.GROUPS.size(); g++) {
                out.append(row(
                        CoverageFold.GROUPS.get(g),
                        j.groups().get(g),
                        f.groups().get(g),
                        t.groups().get(g)));
            }
            out.append(row(
                    "any target group",
                    new GroupCoverage("", j.entitled(), j.served(), j.rate()),
                    new GroupCoverage("", f.entitled(), f.served(), f.rate()),
                    new GroupCoverage("", t.entitled(), t.served(), t.rate())));
            out.append(String.format(
                    Locale.ROOT,
                    "registered %d/%d/%d, assessments overdue %d/%d/%d (job/fold/truth)%n",
                    j.registered(),
                    f.registered(),
                    t.registered(),
                    j.assessmentsOverdue(),
                    f.assessmentsOverdue(),
                    t.assessmentsOverdue()));
            List<String> differing = differingScopes();
            out.append(String.format(
                    Locale.ROOT,
                    "coverage counts equal to the fold's: %s (%d of %d scopes differ)%n",
                    differing.isEmpty() ? "yes" : "no",
                    differing.size(),
                    scopes.size()));
            for (String scope : differing) {
                out.append(String.format("  %s job:  %s%n  %s fold: %s%n", scope, job(scope), scope, fold(scope)));
            }
            if (!sameDay()) {
                out.append(String.format(
                        "  the job ran across midnight Asia/Shanghai (%s to %s): the comparison is not valid%n",
                        job.firstDay(), job.lastDay()));
            }
            return out.toString();
        }

        private static String row(String name, GroupCoverage j, GroupCoverage f, GroupCoverage t) {
            return String.format(
                    Locale.ROOT,
                    "%-28s %20s %26s %29s%n",
                    name,
                    j.entitled() + "/" + f.entitled() + "/" + t.entitled(),
                    j.served() + "/" + f.served() + "/" + t.served(),
                    rate(j.rate()) + "/" + rate(f.rate()) + "/" + rate(t.rate()));
        }

        private static String rate(Double rate) {
            return rate == null ? "-" : String.format(Locale.ROOT, "%.4f", rate);
        }
    }

    /** Sums coverage objects of disjoint scopes; the rates from the sums. */
    private static final class CoverageSum {
        private long registered;
        private long entitled;
        private long served;
        private long overdue;
        private final long[] groupEntitled = new long[CoverageFold.GROUPS.size()];
        private final long[] groupServed = new long[CoverageFold.GROUPS.size()];

        void add(Coverage c) {
            registered += c.registered();
            entitled += c.entitled();
            served += c.served();
            overdue += c.assessmentsOverdue();
            for (GroupCoverage g : c.groups()) {
                int i = CoverageFold.GROUPS.indexOf(g.group());
                groupEntitled[i] += g.entitled();
                groupServed[i] += g.served();
            }
        }

        Coverage coverage() {
            List<GroupCoverage> groups = new ArrayList<>();
            for (int g = 0; g < CoverageFold.GROUPS.size(); g++) {
                groups.add(new GroupCoverage(
                        CoverageFold.GROUPS.get(g),
                        groupEntitled[g],
                        groupServed[g],
                        CoverageFold.rate(groupServed[g], groupEntitled[g])));
            }
            return new Coverage(registered, entitled, served, CoverageFold.rate(served, entitled), overdue, groups);
        }
    }
}
