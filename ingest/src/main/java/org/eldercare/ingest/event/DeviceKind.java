package org.eldercare.ingest.event;

/** The kinds of home terminal (docs/CONTRACT.md §9.2). */
public enum DeviceKind {
    /** 一键呼叫器: a fixed one-key SOS button. */
    SOS_BUTTON,
    /** 智能手表: a watch that can call for help and knows its position. */
    SMART_WATCH,
    /** 智能水表: a smart water meter reporting its cumulative register. */
    WATER_METER,
    /** 门磁: a door sensor. */
    DOOR_SENSOR;

    /** Whether this kind may send {@code device.sos}. */
    public boolean canCallForHelp() {
        return this == SOS_BUTTON || this == SMART_WATCH;
    }
}
