package org.eldercare.infra.stack;

import java.util.UUID;

/** Test fixtures: CloudEvent JSON as operators send it (only the fields the smoke tests look at). */
final class CloudEvents {

    private CloudEvents() {}

    static String bedOccupied(String facilityId, int bedsOccupied) {
        return """
                {"specversion":"1.0","id":"%s","source":"/operators/test","type":"org.eldercare.bed.occupied.v1",\
                "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json",\
                "data":{"facilityId":"%s","bedsOccupied":%d}}""".formatted(UUID.randomUUID(), facilityId, bedsOccupied);
    }
}
