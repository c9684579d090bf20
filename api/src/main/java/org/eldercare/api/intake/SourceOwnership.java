package org.eldercare.api.intake;

import java.util.List;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.Role;
import org.eldercare.ingest.event.CareEvent;

/** An operator may only send events under its own source; a planner only population updates. */
final class SourceOwnership {

    private SourceOwnership() {}

    static List<String> check(Caller caller, CareEvent event) {
        if (caller.role() == Role.OPERATOR && !event.source().equals(caller.operatorSource())) {
            return List.of("source: must be " + caller.operatorSource() + " for this token");
        }
        if (caller.role() == Role.PLANNER && !event.type().planners()) {
            return List.of("type: a planner may only send population.updated");
        }
        return List.of();
    }
}
