package org.eldercare.streaming.register;

import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.register.PersonDocument;

/**
 * Runs a {@link PersonRegister} and, when it opens on restored state, seals every birth date the previous release
 * kept in clear and moves its birthday timers to the next midnight, before the task takes its first checkpoint
 * (docs/CONTRACT.md §6.7, §7.3). A plain process function cannot reach every key; the operator can.
 */
public final class PersonRegisterOperator extends KeyedProcessOperator<String, CareEvent, PersonDocument> {

    private static final long serialVersionUID = 1L;

    public PersonRegisterOperator(PersonRegister register) {
        super(register);
    }

    @Override
    public void open() throws Exception {
        super.open();
        // The same timer service the process function's context uses: KeyedProcessOperator names it so.
        InternalTimerService<VoidNamespace> timers =
                getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this);
        ((PersonRegister) userFunction).upgradeLegacyBirthDates(getKeyedStateBackend(), timers);
    }
}
