package org.eldercare.streaming.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.register.Assessment;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Labels;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.register.PersonFacts;
import org.eldercare.search.register.ServiceList;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One person of the register, keyed by {@code personId} (docs/CONTRACT.md §9.4): the join of the devices bound to
 * them with what the register says of them. A device's incident leaves with the person's masked details; a day of
 * water use under the district's threshold raises {@code LOW_WATER} when the person holds one of the rule's labels
 * ({@code LIVING_ALONE}); a period of the visit service with no visit raises {@code MISSED_VISIT} when the person was
 * entitled on its last day.
 *
 * <p>Missed visits: each register entry schedules the judgement of the period holding its {@code time}, and each
 * judgement the next period's, as event-time timers at the midnight {@code graceDays} after the period ends. At the
 * end of a bounded input (watermark +∞) the periods already scheduled are judged but no next one is scheduled, so a
 * drained stop or the end of a replay ends, instead of judging month after month without end.
 *
 * <p>The join is by the register number the binding names, so no identifier crosses: the register already resolved the
 * person's identity (§7.5). Labels are those the register published last, the labels of the day judged unless the
 * register changed them since.
 */
public final class PersonWatch extends KeyedCoProcessFunction<String, PersonDocument, PersonSignal, Raised> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Facts> facts;
    /** Signals that came before the person's register entry, by incident id or water day; sent on when it comes. */
    private transient MapState<String, PersonSignal> waiting;
    /** Visits and the periods waiting for judgement (§9.4 missed visit). */
    private transient ValueState<VisitBook> visits;

    /**
     * What the incidents need of a registered person: the §6.2 view, where they live, and the facts their labels
     * come from (§7.3) without the birth date, so the labels of a past day can be worked out again.
     *
     * @param benefits null in form 1, which did not keep the facts: the published labels stand for them
     */
    public record Facts(
            String districtCode,
            String streetCode,
            IncidentDocument.Person person,
            LivingArrangement livingArrangement,
            List<Benefit> benefits,
            Assessment assessment) {

        public static final TypeInformation<Facts> TYPE = new ImmutableTypeInfo<>(Facts.class, Serializer.INSTANCE);

        static Facts of(PersonDocument d) {
            List<String> labels =
                    d.labels().stream().map(l -> l.label().name()).sorted().toList();
            return new Facts(
                    d.districtCode(),
                    d.streetCode(),
                    new IncidentDocument.Person(
                            d.nameMasked(), d.idNumberMasked(), d.phoneMasked(), d.birthYear(), labels),
                    d.livingArrangement(),
                    d.benefits(),
                    d.assessment());
        }

        /**
         * The labels that held on {@code day}: worked out from the facts (§7.3), the age labels as the register
         * last published them (the birth date stays sealed in the register, §6.7); from a form-1 value, the
         * published labels.
         */
        Set<CareLabel> labelsOn(LocalDate day) {
            Set<CareLabel> held = EnumSet.noneOf(CareLabel.class);
            for (String published : person.labels()) {
                CareLabel label = CareLabel.valueOf(published);
                if (benefits == null || label == CareLabel.AGE_80_PLUS || label == CareLabel.AGE_90_PLUS) {
                    held.add(label);
                }
            }
            if (benefits != null) {
                Labels.on(new PersonFacts(null, livingArrangement, benefits, assessment), day)
                        .forEach(l -> held.add(l.label()));
            }
            return held;
        }

        /** The binary form in state: its JSON. */
        public static final class Serializer extends JsonFormSerializer<Facts> {
            private static final long serialVersionUID = 1L;
            public static final Serializer INSTANCE = new Serializer();

            private Serializer() {
                super(Facts.class);
            }

            /**
             * Form 2 added {@code livingArrangement}, {@code benefits} and {@code assessment}; form 1 is read as it
             * stands (the form is the record's JSON, an absent field reads as null) and judged by its labels.
             */
            @Override
            public int formatVersion() {
                return 2;
            }

            @Override
            public TypeSerializerSnapshot<Facts> snapshotConfiguration() {
                return new Snapshot();
            }

            public static final class Snapshot extends VersionedSerializerSnapshot<Facts> {
                public Snapshot() {
                    super(() -> INSTANCE);
                }
            }
        }
    }

    @Override
    public void open(OpenContext context) {
        facts = getRuntimeContext().getState(new ValueStateDescriptor<>("person-facts", Facts.TYPE));
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("waiting-for-register", Types.STRING, PersonSignal.TYPE));
        visits = getRuntimeContext().getState(new ValueStateDescriptor<>("visits", VisitBook.TYPE));
    }

    @Override
    public void processElement1(PersonDocument person, Context ctx, Collector<Raised> out) throws Exception {
        Facts known = Facts.of(person);
        facts.update(known);
        List<PersonSignal> signals = new ArrayList<>();
        waiting.values().forEach(signals::add);
        waiting.clear();
        for (PersonSignal signal : signals) {
            judge(signal, known, out);
        }
        schedule(known, ShanghaiTime.epochDay(person.updatedAt()), ctx);
    }

    @Override
    public void processElement2(PersonSignal signal, Context ctx, Collector<Raised> out) throws Exception {
        if (signal.visit() != null) {
            record(signal.visit());
            return;
        }
        Facts known = facts.value();
        if (known == null) {
            // A device's own incident leaves at once (an SOS does not wait) and again with the person's details when
            // the register entry comes; the person's rules wait for it (§9.2).
            if (signal.raised() != null) {
                out.collect(signal.raised());
            }
            waiting.put(waitingKey(signal), signal);
            return;
        }
        judge(signal, known, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Raised> out) throws Exception {
        VisitBook book = visits.value();
        Facts known = facts.value();
        if (book == null || known == null) {
            return;
        }
        Map<String, Long> pending = new HashMap<>(book.pending());
        Long judgedThrough = book.judgedThrough();
        List<Map.Entry<String, Long>> due = book.pending().entrySet().stream()
                .filter(p -> p.getValue() <= timestamp)
                .sorted(Map.Entry.comparingByValue())
                .toList();
        for (Map.Entry<String, Long> entry : due) {
            VisitPeriods.Period period = VisitPeriods.parse(entry.getKey());
            judgeVisits(ctx.getCurrentKey(), period, entry.getValue(), known, book, out);
            pending.remove(entry.getKey());
            judgedThrough = judgedThrough == null ? period.endMillis() : Math.max(judgedThrough, period.endMillis());
        }
        long keepFrom = judgedThrough == null ? Long.MIN_VALUE : ShanghaiTime.epochDay(judgedThrough);
        Map<Long, Long> kept = new HashMap<>(book.visits());
        kept.keySet().removeIf(day -> day < keepFrom);
        visits.update(new VisitBook(kept, pending, judgedThrough));
        // The next period, unless the input has ended: at +∞ every timer falls, and scheduling would never stop.
        if (!due.isEmpty() && ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
            schedule(known, ShanghaiTime.epochDay(judgedThrough), ctx);
        }
    }

    /** Schedules the judgement of the visit period holding {@code epochDay}, unless judged or scheduled already. */
    private void schedule(Facts known, long epochDay, Context ctx) throws Exception {
        IncidentRules rules = IncidentRules.forDistrict(known.districtCode());
        ServiceList.Service service = visitService(known.districtCode(), rules);
        VisitPeriods.Period period =
                service == null ? null : VisitPeriods.of(service.frequency(), LocalDate.ofEpochDay(epochDay));
        VisitBook book = visits.value() == null ? VisitBook.EMPTY : visits.value();
        if (period == null
                || (book.judgedThrough() != null && period.endMillis() <= book.judgedThrough())
                || book.pending().containsKey(period.id())) {
            return;
        }
        long at = period.judgedAt(rules.graceDays());
        Map<String, Long> pending = new HashMap<>(book.pending());
        pending.put(period.id(), at);
        visits.update(new VisitBook(book.visits(), pending, book.judgedThrough()));
        ctx.timerService().registerEventTimeTimer(at);
    }

    /** Keeps a visit by its day, unless its period was judged already. */
    private void record(PersonSignal.Visit visit) throws Exception {
        VisitBook book = visits.value() == null ? VisitBook.EMPTY : visits.value();
        if (book.judgedThrough() != null && visit.epochDay() < ShanghaiTime.epochDay(book.judgedThrough())) {
            return; // its period was judged without it
        }
        Map<Long, Long> days = new HashMap<>(book.visits());
        days.merge(visit.epochDay(), visit.recordedAt(), Math::min);
        visits.update(new VisitBook(days, book.pending(), book.judgedThrough()));
    }

    /** Raises {@code MISSED_VISIT} for {@code period} if the person was entitled on its last day and nobody came. */
    private static void judgeVisits(
            String personId,
            VisitPeriods.Period period,
            long judgedAt,
            Facts known,
            VisitBook book,
            Collector<Raised> out) {
        IncidentRules rules = IncidentRules.forDistrict(known.districtCode());
        ServiceList.Service service = visitService(known.districtCode(), rules);
        if (service == null || !service.entitles(known.labelsOn(period.last())) || book.visited(period, judgedAt)) {
            return;
        }
        out.collect(new Raised(
                IncidentIds.of(IncidentRules.MISSED_VISIT, personId, service.code() + "|" + period.id()),
                IncidentRules.MISSED_VISIT,
                known.districtCode(),
                known.streetCode(),
                null,
                null,
                null,
                personId,
                known.person(),
                null,
                "no " + service.code() + " visit recorded for " + period.id() + " (entitled on " + period.last()
                        + ", judged " + rules.graceDays() + " days after the period)",
                judgedAt));
    }

    private static ServiceList.Service visitService(String districtCode, IncidentRules rules) {
        return ServiceList.forDistrict(districtCode).services().stream()
                .filter(s -> s.code().equals(rules.visitService()))
                .findFirst()
                .orElse(null);
    }

    private static String waitingKey(PersonSignal signal) {
        return signal.raised() != null
                ? signal.raised().incidentId()
                : "water|" + signal.waterDay().epochDay() + "|"
                        + signal.waterDay().operatorId() + "|"
                        + signal.waterDay().deviceId();
    }

    private static void judge(PersonSignal signal, Facts known, Collector<Raised> out) {
        if (signal.raised() != null) {
            out.collect(signal.raised().withPerson(known.person()));
            return;
        }
        PersonSignal.WaterDay day = signal.waterDay();
        IncidentRules rules = IncidentRules.forDistrict(known.districtCode());
        boolean watched = known.person().labels().stream().anyMatch(rules.lowWaterLabels()::contains);
        if (!watched || day.litres() >= rules.litresPer24Hours()) {
            return;
        }
        String date = LocalDate.ofEpochDay(day.epochDay()).toString();
        out.collect(new Raised(
                IncidentIds.of(IncidentRules.LOW_WATER, signal.personId(), date),
                IncidentRules.LOW_WATER,
                known.districtCode(),
                known.streetCode(),
                day.operatorId(),
                day.deviceId(),
                "WATER_METER",
                signal.personId(),
                known.person(),
                null,
                DeviceWatch.litres(day.litres()) + " L on " + date + ", under "
                        + DeviceWatch.litres(rules.litresPer24Hours()) + " L a day",
                day.judgedAt()));
    }
}
