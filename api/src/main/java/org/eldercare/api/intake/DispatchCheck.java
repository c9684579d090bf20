package org.eldercare.api.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.workorder.ServedBy;

/**
 * The intake's one read of state (docs/CONTRACT.md §10.2): a {@code workorder.dispatched} must name a known facility,
 * OPERATING, of a kind that serves the request type ({@link ServedBy}, data). When the facilities cannot be read the
 * lookup throws, and the request is answered 503 with nothing accepted, as when Kafka cannot take it (§1).
 */
final class DispatchCheck {

    private final Function<String, Optional<FacilityDocument>> facilities;
    private final ServedBy servedBy;

    DispatchCheck(Function<String, Optional<FacilityDocument>> facilities, ServedBy servedBy) {
        this.facilities = facilities;
        this.servedBy = servedBy;
    }

    /** The dispatch's errors, each naming the field and the rule; empty when the facility can take the order. */
    List<String> errors(WorkOrderDispatched dispatch) {
        Optional<FacilityDocument> found;
        try {
            found = facilities.apply(dispatch.facilityId());
        } catch (RuntimeException e) {
            throw new EventLogUnavailableException("facilities: cannot be read to check a dispatch", e);
        }
        if (found.isEmpty()) {
            return List.of("data.facilityId: no facility " + dispatch.facilityId());
        }
        FacilityDocument f = found.get();
        boolean operating = FacilityStatus.OPERATING.name().equals(f.status());
        if (!operating || !servedBy.serves(FacilityKind.valueOf(f.kind()), dispatch.requestType())) {
            return List.of("data.facilityId: facility " + f.facilityId() + " (" + f.kind() + ", " + f.status()
                    + ") cannot serve " + dispatch.requestType());
        }
        return List.of();
    }
}
