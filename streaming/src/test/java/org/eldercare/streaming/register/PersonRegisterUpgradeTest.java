package org.eldercare.streaming.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.register.CareLabel.AGE_80_PLUS;
import static org.eldercare.streaming.fixtures.Events.personRegistered;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.StreamStateHandle;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.Test;

/**
 * docs/CONTRACT.md §6.7, §7.3: state of the previous release, which kept the birth date in clear and a timer on the
 * 80th birthday, holds neither once this release has opened on it, and the label still arrives on the birthday.
 */
class PersonRegisterUpgradeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final LocalDate BORN = TODAY.plusDays(3).minusYears(80);
    private static final PiiSecrets SECRETS = TestPiiSecrets.withHmacKey("person-register-upgrade-test-key");

    @Test
    void theClearBirthDateAndTheBirthdayTimerOfThePreviousReleaseAreGoneBeforeTheFirstCheckpoint() throws Exception {
        OperatorSubtaskState previous;
        try (var old = harness(new KeyedProcessOperator<>(new PreviousRelease(SECRETS)))) {
            old.open();
            old.processElement(personRegistered("p-1", BORN, LivingArrangement.WITH_FAMILY), 0);
            previous = old.snapshot(1, 1);
        }
        assertThat(holdsBirthDate(previous))
                .as("a positive control: the previous release's state")
                .isTrue();

        try (var upgraded = harness(new PersonRegisterOperator(new PersonRegister(SECRETS)))) {
            upgraded.initializeState(previous);
            upgraded.open();

            assertThat(holdsBirthDate(upgraded.snapshot(2, 2))).isFalse();
            assertThat(upgraded.numProcessingTimeTimers()).isEqualTo(1);
            upgraded.setProcessingTime(millisAt(TODAY.plusDays(1)));
            assertThat(upgraded.extractOutputValues().getLast().labels()).isEmpty();
            upgraded.setProcessingTime(millisAt(BORN.plusYears(80)));
            assertThat(upgraded.extractOutputValues().getLast().labels())
                    .extracting(Label::label)
                    .containsExactly(AGE_80_PLUS);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonDocument> harness(
            KeyedProcessOperator<String, CareEvent, PersonDocument> operator) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, CareEvent::partitionKey, Types.STRING);
        harness.setProcessingTime(millisAt(TODAY) + 9 * 3_600_000L);
        return harness;
    }

    /** Whether the keyed state holds {@link #BORN} as Flink's LocalDateSerializer writes it or a timer on the day. */
    private static boolean holdsBirthDate(OperatorSubtaskState state) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (KeyedStateHandle handle : state.getManagedKeyedState()) {
            try (InputStream in = ((StreamStateHandle) handle).openInputStream()) {
                in.transferTo(all);
            }
        }
        String bytes = new String(all.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] date = ByteBuffer.allocate(6)
                .putInt(BORN.getYear())
                .put((byte) BORN.getMonthValue())
                .put((byte) BORN.getDayOfMonth())
                .array();
        byte[] timer =
                ByteBuffer.allocate(8).putLong(millisAt(BORN.plusYears(80))).array();
        return bytes.contains(new String(date, java.nio.charset.StandardCharsets.ISO_8859_1))
                || bytes.contains(new String(timer, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static long millisAt(LocalDate day) {
        return LocalDateTime.of(day, LocalTime.MIDNIGHT)
                .atZone(ShanghaiTime.ZONE)
                .toInstant()
                .toEpochMilli();
    }

    /**
     * The previous release's register, as far as its state goes: the birth date in clear under {@code birth-date} and
     * the label timer on the 80th birthday.
     */
    private static final class PreviousRelease extends KeyedProcessFunction<String, CareEvent, PersonDocument> {
        private final PersonRegister register;
        private transient ValueState<LocalDate> birthDate;
        private transient ValueState<String> sealed;
        private transient ValueState<Long> timer;

        PreviousRelease(PiiSecrets secrets) {
            register = new PersonRegister(secrets);
        }

        @Override
        public void open(OpenContext context) throws Exception {
            register.setRuntimeContext(getRuntimeContext());
            register.open(context);
            birthDate = getRuntimeContext()
                    .getState(
                            new ValueStateDescriptor<>(PersonRegister.LEGACY_BIRTH_DATE, LocalTimeTypeInfo.LOCAL_DATE));
            sealed = getRuntimeContext().getState(new ValueStateDescriptor<>("birth-date-sealed", Types.STRING));
            timer = getRuntimeContext().getState(new ValueStateDescriptor<>("label-timer", Types.LONG));
        }

        @Override
        public void processElement(CareEvent event, Context ctx, Collector<PersonDocument> out) throws Exception {
            register.processElement(event, ctx, out);
            sealed.clear();
            birthDate.update(BORN);
            ctx.timerService().deleteProcessingTimeTimer(timer.value());
            long birthday = millisAt(BORN.plusYears(80));
            ctx.timerService().registerProcessingTimeTimer(birthday);
            timer.update(birthday);
        }
    }
}
