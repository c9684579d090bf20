package org.eldercare.ingest.event;

/**
 * The data of an event about one home terminal (docs/CONTRACT.md §9.2). A device is the operator's own: {@code
 * (operator, deviceId)}. Every device event of one {@code deviceId} shares the Kafka key {@code device/<deviceId>}, so
 * its order survives.
 */
public sealed interface DeviceEvent extends EventData
        permits DeviceBound, DeviceUnbound, DeviceHeartbeat, DeviceSos, MeterReading {

    String deviceId();

    @Override
    default String partitionKey() {
        return partitionKeyOf(deviceId());
    }

    static String partitionKeyOf(String deviceId) {
        return "device/" + deviceId;
    }
}
