package org.eldercare.tools.simulator;

import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.event.FacilityDetails;

/**
 * A simulated facility and what the simulator tracks about it, so that it never sends an event the
 * platform must refuse: occupancy stays within {@code [0, beds]}, only hired caregivers work, only
 * those on shift end one.
 */
final class SimFacility {

    final FacilityDetails details;
    final String operatorId;
    final List<SimCaregiver> caregivers = new ArrayList<>();
    int occupied;
    int caregiversEverHired;

    SimFacility(FacilityDetails details, String operatorId) {
        this.details = details;
        this.operatorId = operatorId;
    }

    String id() {
        return details.facilityId();
    }

    int beds() {
        return details.beds();
    }

    int freeBeds() {
        return details.beds() - occupied;
    }

    String source() {
        return "/operators/" + operatorId;
    }

    SimCaregiver newCaregiver(boolean certified) {
        caregiversEverHired++;
        SimCaregiver caregiver = new SimCaregiver(id() + "-cg" + caregiversEverHired, certified);
        caregivers.add(caregiver);
        return caregiver;
    }

    List<SimCaregiver> onDuty(boolean wanted) {
        return caregivers.stream().filter(c -> c.onDuty == wanted).toList();
    }

    static final class SimCaregiver {
        final String id;
        final boolean certified;
        boolean onDuty;

        SimCaregiver(String id, boolean certified) {
            this.id = id;
            this.certified = certified;
        }
    }
}
