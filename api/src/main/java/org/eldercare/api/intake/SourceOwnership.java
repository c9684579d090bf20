package org.eldercare.api.intake;

import java.util.List;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.Role;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.Sender;

/**
 * An operator may only send events under its own source; a planner only population updates; a civil-affairs office
 * only the register (docs/CONTRACT.md §7.1); the hotline only its steps on incidents (§9.1), its call log and work
 * orders (§10.2), which nobody else may send; nobody the review queue's events, which the API publishes itself (§7.6).
 */
final class SourceOwnership {

    private SourceOwnership() {}

    static List<String> check(Caller caller, CareEvent event) {
        if (event.type().platformOnly()) {
            return List.of(
                    "type: " + event.type().wireName() + " is published by the platform only (docs/CONTRACT.md §7.6)");
        }
        if (caller.role() != Role.HOTLINE && event.type().sender() == Sender.HOTLINE) {
            return List.of("type: only the hotline may send " + event.type().wireName());
        }
        if (caller.role() == Role.OPERATOR && !event.source().equals(caller.operatorSource())) {
            return List.of("source: must be " + caller.operatorSource() + " for this token");
        }
        if (caller.role() == Role.PLANNER && event.type().sender() != Sender.PLANNER) {
            return List.of("type: a planner may only send population.updated");
        }
        if (caller.role() == Role.CIVIL_AFFAIRS && event.type().sender() != Sender.CIVIL_AFFAIRS) {
            return List.of("type: a civil-affairs office may only send person.registered, person.updated and"
                    + " assessment.recorded");
        }
        if (caller.role() == Role.HOTLINE && event.type().sender() != Sender.HOTLINE) {
            return List.of(
                    "type: a hotline may only send incident.acknowledged, incident.dispatched, incident.resolved, call.logged,"
                            + " workorder.opened and workorder.dispatched");
        }
        return List.of();
    }
}
