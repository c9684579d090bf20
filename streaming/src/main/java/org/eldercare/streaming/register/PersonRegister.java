package org.eldercare.streaming.register;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.register.Assessment;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.Labels;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.register.PersonFacts;
import org.eldercare.search.register.ServiceList;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The register of older people (docs/CONTRACT.md §7), keyed by {@code person/<personId>}: keeps each person's
 * details and latest assessment, and emits the person's document with the labels that hold today and the services
 * they entitle to, each time an event changes them and again, by a processing-time timer, at the midnight (Asia/
 * Shanghai) of the next day a label can change with no event: a benefit's start or end, a re-assessment falling
 * due, and, for the age labels, every day of a year in which the person turns 80 or 90 ({@link
 * Labels#nextAgeCheck}).
 *
 * <p>Details are last-writer-wins by event time, like a facility's (§2). An assessment for a person the register
 * does not know is rejected through {@link #REJECTED}. The state holds masks and digests for display, the birth year,
 * and the birth date only as AES-GCM ciphertext under the PII keyring, opened in memory when labels are computed;
 * no timer falls on a birthday (docs/CONTRACT.md §6.7, §7.3).
 */
public final class PersonRegister extends KeyedProcessFunction<String, CareEvent, PersonDocument> {

    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("register-rejections", StreamTypes.REJECTION);

    /** The state in which the previous release kept the birth date in clear. */
    static final String LEGACY_BIRTH_DATE = "birth-date";

    private final PiiSecrets secrets;

    private transient ValueState<PersonDocument> person;
    /** The birth date sealed for the person ({@link RecipientTokeniser#sealBirthDate}). */
    private transient ValueState<String> sealedBirthDate;
    /** The previous release's birth date in clear: sealed and cleared on restore ({@link PersonRegisterOperator}). */
    private transient ValueState<LocalDate> legacyBirthDate;

    private transient ValueState<Long> timer;
    private transient Pii pii;
    private transient RecipientTokeniser tokeniser;

    /** {@code secrets} says where the HMAC key is; it is read in {@link #open}, on the task (docs/CONTRACT.md §6.7). */
    public PersonRegister(PiiSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void open(OpenContext context) {
        person = getRuntimeContext().getState(new ValueStateDescriptor<>("person", RegisterTypes.PERSON));
        sealedBirthDate = getRuntimeContext().getState(new ValueStateDescriptor<>("birth-date-sealed", Types.STRING));
        legacyBirthDate = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(LEGACY_BIRTH_DATE, LocalTimeTypeInfo.LOCAL_DATE));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("label-timer", Types.LONG));
        tokeniser = secrets.tokeniser();
        pii = tokeniser.pii();
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<PersonDocument> out) throws Exception {
        PersonDocument current = person.value();
        PersonDocument next;
        if (event.data() instanceof PersonDetails details) {
            if (current != null && event.time().isBefore(current.updatedAt())) {
                return; // an older state event: last writer by time wins (docs/CONTRACT.md §2)
            }
            // Opened in memory only: the stream carries the identity sealed (docs/CONTRACT.md §6.7).
            Recipient identity = tokeniser.open(details.identity());
            sealedBirthDate.update(tokeniser.sealBirthDate(identity.birthDate(), ctx.getCurrentKey()));
            next = new PersonDocument(
                    details.personId(),
                    details.districtCode(),
                    details.streetCode(),
                    PersonDocument.maskName(identity.name()),
                    identity.idNumber() == null ? null : Pii.maskIdNumber(identity.idNumber()),
                    identity.phone() == null ? null : Pii.maskPhone(identity.phone()),
                    identity.idNumber() == null
                            ? null
                            : IdNumbers.parse(identity.idNumber())
                                    .map(n -> pii.hashIdNumber(n.value()))
                                    .orElse(null),
                    identity.birthDate() == null ? null : identity.birthDate().getYear(),
                    null,
                    details.livingArrangement(),
                    details.benefits(),
                    details.disabilityCertificateLevel(),
                    current == null ? null : current.assessment(),
                    List.of(),
                    List.of(),
                    null,
                    event.time());
        } else if (event.data() instanceof AssessmentRecorded recorded) {
            if (current == null) {
                reject(ctx, event, "data.personId: no registered person " + recorded.personId());
                return;
            }
            Assessment assessment = new Assessment(
                    recorded.assessmentId(),
                    recorded.level(),
                    recorded.assessedOn(),
                    recorded.organisation(),
                    recorded.reassessDueOn());
            PersonFacts facts = facts(current, ctx.getCurrentKey()).withAssessment(assessment);
            next = withAssessment(current, facts.assessment());
        } else {
            throw new IllegalArgumentException(
                    "not a register event: " + event.type().wireName());
        }
        publish(next, ctx.timerService().currentProcessingTime(), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PersonDocument> out) throws Exception {
        timer.clear();
        PersonDocument current = person.value();
        if (current != null) {
            publish(current, timestamp, ctx, out);
        }
    }

    /** Labels and entitlements as of the day of {@code now}, the document stored and emitted, the next timer set. */
    private void publish(PersonDocument doc, long now, Context ctx, Collector<PersonDocument> out) throws Exception {
        LocalDate today = LocalDate.ofEpochDay(ShanghaiTime.epochDay(now));
        PersonFacts facts = facts(doc, ctx.getCurrentKey());
        List<Label> labels = Labels.on(facts, today);
        List<String> entitlements = ServiceList.forDistrict(doc.districtCode()).entitlements(labels).stream()
                .map(ServiceList.Service::code)
                .toList();
        PersonDocument labelled = new PersonDocument(
                doc.personId(),
                doc.districtCode(),
                doc.streetCode(),
                doc.nameMasked(),
                doc.idNumberMasked(),
                doc.phoneMasked(),
                doc.idNumberDigest(),
                doc.birthYear(),
                facts.birthDate() == null ? null : Labels.age(facts.birthDate(), today),
                doc.livingArrangement(),
                doc.benefits(),
                doc.disabilityCertificateLevel(),
                doc.assessment(),
                labels,
                entitlements,
                today,
                doc.updatedAt());
        person.update(labelled);
        out.collect(labelled);

        Long scheduled = timer.value();
        LocalDate change = earliest(
                Labels.nextChange(
                        new PersonFacts(null, facts.livingArrangement(), facts.benefits(), facts.assessment()), today),
                Labels.nextAgeCheck(doc.birthYear(), today));
        Long wanted = change == null
                ? null
                : change.atStartOfDay(ShanghaiTime.ZONE).toInstant().toEpochMilli();
        if (scheduled != null && !scheduled.equals(wanted)) {
            ctx.timerService().deleteProcessingTimeTimer(scheduled);
        }
        if (wanted != null && !wanted.equals(scheduled)) {
            ctx.timerService().registerProcessingTimeTimer(wanted);
        }
        timer.update(wanted);
    }

    /** The facts of {@code doc} with the birth date opened in memory. */
    private PersonFacts facts(PersonDocument doc, String key) throws Exception {
        LocalDate birthDate = tokeniser.openBirthDate(sealedBirthDate.value(), key);
        return new PersonFacts(birthDate, doc.livingArrangement(), doc.benefits(), doc.assessment());
    }

    /** Seals the current person's birth date if the previous release kept it in clear, and clears the clear one. */
    private void sealLegacyBirthDate(String key) throws Exception {
        LocalDate legacy = legacyBirthDate.value();
        if (legacy != null) {
            if (sealedBirthDate.value() == null) {
                sealedBirthDate.update(tokeniser.sealBirthDate(legacy, key));
            }
            legacyBirthDate.clear();
        }
    }

    /**
     * Seals the birth date of every person the previous release kept in clear, and moves the timer it set at a
     * birthday to the next midnight, where {@link #onTimer} publishes and schedules as this release does. Called by
     * {@link PersonRegisterOperator} once the state is restored, on every key at once.
     *
     * @return how many persons were upgraded
     */
    int upgradeLegacyBirthDates(KeyedStateBackend<String> backend, InternalTimerService<VoidNamespace> timers)
            throws Exception {
        List<String> keys;
        try (Stream<String> legacy = backend.getKeys(LEGACY_BIRTH_DATE, VoidNamespace.INSTANCE)) {
            keys = legacy.toList(); // copied: the loop clears the state it came from
        }
        long midnight = LocalDate.ofEpochDay(ShanghaiTime.epochDay(timers.currentProcessingTime()))
                .plusDays(1)
                .atStartOfDay(ShanghaiTime.ZONE)
                .toInstant()
                .toEpochMilli();
        for (String key : keys) {
            backend.setCurrentKey(key);
            sealLegacyBirthDate(key);
            Long scheduled = timer.value();
            if (scheduled != null) {
                timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, scheduled);
            }
            if (person.value() != null) {
                timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, midnight);
                timer.update(midnight);
            } else {
                timer.clear();
            }
        }
        return keys.size();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static PersonDocument withAssessment(PersonDocument d, Assessment assessment) {
        return new PersonDocument(
                d.personId(),
                d.districtCode(),
                d.streetCode(),
                d.nameMasked(),
                d.idNumberMasked(),
                d.phoneMasked(),
                d.idNumberDigest(),
                d.birthYear(),
                d.age(),
                d.livingArrangement(),
                d.benefits(),
                d.disabilityCertificateLevel(),
                assessment,
                d.labels(),
                d.entitlements(),
                d.labelsOn(),
                d.updatedAt());
    }

    private static void reject(Context ctx, CareEvent event, String reason) {
        ctx.output(
                REJECTED,
                new Rejection(
                        event.id(),
                        event.source(),
                        event.operatorId(),
                        event.type().wireName(),
                        List.of(reason),
                        Rejection.STREAM,
                        ShanghaiTime.at(ctx.timerService().currentProcessingTime()),
                        DeadLetterPayload.of(CloudEventJson.writeString(event))));
    }
}
