package org.eldercare.streaming.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * One person of the register, keyed by {@code personId} (docs/CONTRACT.md §9.4): the join of the devices bound to
 * them with what the register says of them. A device's incident leaves with the person's masked details; a day of
 * water use under the district's threshold raises {@code LOW_WATER} when the person holds one of the rule's labels
 * ({@code LIVING_ALONE}).
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

    /** What the incidents need of a registered person: the §6.2 view and where they live. */
    public record Facts(String districtCode, String streetCode, IncidentDocument.Person person) {

        public static final TypeInformation<Facts> TYPE = new ImmutableTypeInfo<>(Facts.class, Serializer.INSTANCE);

        static Facts of(PersonDocument d) {
            List<String> labels =
                    d.labels().stream().map(l -> l.label().name()).sorted().toList();
            return new Facts(
                    d.districtCode(),
                    d.streetCode(),
                    new IncidentDocument.Person(
                            d.nameMasked(), d.idNumberMasked(), d.phoneMasked(), d.birthYear(), labels));
        }

        /** The binary form in state: its JSON. */
        public static final class Serializer extends JsonFormSerializer<Facts> {
            private static final long serialVersionUID = 1L;
            public static final Serializer INSTANCE = new Serializer();

            private Serializer() {
                super(Facts.class);
            }

            /** Form 1: the first release's. */
            @Override
            public int formatVersion() {
                return 1;
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
    }

    @Override
    public void processElement2(PersonSignal signal, Context ctx, Collector<Raised> out) throws Exception {
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
