package org.eldercare.tools.simulator;

import java.util.List;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * Settings of the virtual nursing home the simulator runs (docs/CONTRACT.md §9): terminals in the homes of registered
 * people, caregivers' visits and the 12349 hotline desk that answers SOS incidents. Every setting is a {@link Setting}
 * here and is listed in {@link SimulatorConfig#SETTINGS}.
 *
 * @param deviceShare share of the registered people living alone or disabled who get an SOS button or a watch (those
 *     living alone also get a water meter)
 * @param maxDevices most devices bound in all, so a demo's heartbeats stay a trickle
 * @param sosPerHour SOS presses per hour over all buttons and watches
 * @param silentShare share of devices that fall silent at some point (dead battery, unplugged)
 * @param lowWaterShare chance that a day of a water meter is a low-water day (under 10 L)
 * @param visitsPerHour caregivers' home visits per hour
 * @param hotlineToken bearer token of the HOTLINE role the desk sends its incident steps with
 * @param hotlineDesk the desk's name, its source is {@code /hotline/<desk>}
 * @param hotlineLateShare share of SOS incidents the desk acknowledges only after the SLA (so they escalate)
 * @param doorSensorShare share of the people living alone given a device who also get a door sensor
 * @param unbindsPerDay devices taken back ({@code device.unbound}) per day in all
 * @param missedVisitShare share of the people entitled to home visits whose visits stop, so their periods are missed
 */
public record TerminalConfig(
        double deviceShare,
        int maxDevices,
        double sosPerHour,
        double silentShare,
        double lowWaterShare,
        double visitsPerHour,
        String hotlineToken,
        String hotlineDesk,
        double hotlineLateShare,
        double doorSensorShare,
        double unbindsPerDay,
        double missedVisitShare) {

    public static final Setting<Double> DEVICE_SHARE = Setting.decimal(
                    "eldercare.simulator.device-share",
                    "0.2",
                    "Share of registered people living alone or disabled given an SOS button or watch"
                            + " (and a water meter when living alone)")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");
    public static final Setting<Integer> MAX_DEVICES = Setting.integer(
                    "eldercare.simulator.max-devices", "400", "Most devices bound in all (0: no terminals)")
            .rule(n -> n >= 0 && n <= 1_000_000, "must be between 0 and 1000000");
    public static final Setting<Double> SOS_PER_HOUR = Setting.decimal(
                    "eldercare.simulator.sos-per-hour", "6", "SOS presses per hour over all buttons and watches")
            .rule(r -> r >= 0 && r <= 36_000, "must be between 0 and 36000");
    public static final Setting<Double> SILENT_SHARE = Setting.decimal(
                    "eldercare.simulator.silent-share", "0.03", "Share of devices that fall silent")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");
    public static final Setting<Double> LOW_WATER_SHARE = Setting.decimal(
                    "eldercare.simulator.low-water-share",
                    "0.05",
                    "Chance that a water meter's day uses under 10 L (else 60-150 L)")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");
    public static final Setting<Double> VISITS_PER_HOUR = Setting.decimal(
                    "eldercare.simulator.visits-per-hour", "30", "Caregivers' home visits (visit.completed) per hour")
            .rule(r -> r >= 0 && r <= 36_000, "must be between 0 and 36000");
    public static final Setting<String> HOTLINE_TOKEN = Setting.text(
                    "eldercare.simulator.hotline-token",
                    "demo-hotline",
                    "Bearer token of a HOTLINE client, for the desk's incident steps")
            .secret();
    public static final Setting<String> HOTLINE_DESK = Setting.text(
                    "eldercare.simulator.hotline-desk", "desk-1", "The simulated 12349 desk: source /hotline/<desk>")
            .rule(d -> d.matches("[A-Za-z0-9_.-]{1,64}"), "must be 1 to 64 of A-Z a-z 0-9 _ . -");
    public static final Setting<Double> HOTLINE_LATE_SHARE = Setting.decimal(
                    "eldercare.simulator.hotline-late-share",
                    "0.15",
                    "Share of SOS incidents acknowledged after their SLA, so they escalate")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");

    public static final Setting<Double> DOOR_SENSOR_SHARE = Setting.decimal(
                    "eldercare.simulator.door-sensor-share",
                    "0.5",
                    "Share of the people living alone given a device who also get a door sensor (门磁)")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");
    public static final Setting<Double> UNBINDS_PER_DAY = Setting.decimal(
                    "eldercare.simulator.unbinds-per-day", "2", "Devices taken back (device.unbound) per day in all")
            .rule(r -> r >= 0 && r <= 100_000, "must be between 0 and 100000");
    public static final Setting<Double> MISSED_VISIT_SHARE = Setting.decimal(
                    "eldercare.simulator.missed-visit-share",
                    "0.05",
                    "Share of the people entitled to home visits whose visits stop (MISSED_VISIT after the month)")
            .rule(r -> r >= 0 && r <= 1, "must be between 0 and 1");

    /** These settings, in the order the README lists them. */
    static final List<Setting<?>> SETTINGS = List.of(
            DEVICE_SHARE,
            MAX_DEVICES,
            SOS_PER_HOUR,
            SILENT_SHARE,
            LOW_WATER_SHARE,
            VISITS_PER_HOUR,
            HOTLINE_TOKEN,
            HOTLINE_DESK,
            HOTLINE_LATE_SHARE,
            DOOR_SENSOR_SHARE,
            UNBINDS_PER_DAY,
            MISSED_VISIT_SHARE);

    public TerminalConfig {
        DEVICE_SHARE.check(deviceShare);
        MAX_DEVICES.check(maxDevices);
        SOS_PER_HOUR.check(sosPerHour);
        SILENT_SHARE.check(silentShare);
        LOW_WATER_SHARE.check(lowWaterShare);
        VISITS_PER_HOUR.check(visitsPerHour);
        HOTLINE_DESK.check(hotlineDesk);
        HOTLINE_LATE_SHARE.check(hotlineLateShare);
        DOOR_SENSOR_SHARE.check(doorSensorShare);
        UNBINDS_PER_DAY.check(unbindsPerDay);
        MISSED_VISIT_SHARE.check(missedVisitShare);
    }

    static TerminalConfig from(Settings s) {
        return new TerminalConfig(
                s.get(DEVICE_SHARE),
                s.get(MAX_DEVICES),
                s.get(SOS_PER_HOUR),
                s.get(SILENT_SHARE),
                s.get(LOW_WATER_SHARE),
                s.get(VISITS_PER_HOUR),
                s.get(HOTLINE_TOKEN),
                s.get(HOTLINE_DESK),
                s.get(HOTLINE_LATE_SHARE),
                s.get(DOOR_SENSOR_SHARE),
                s.get(UNBINDS_PER_DAY),
                s.get(MISSED_VISIT_SHARE));
    }

    /** The desk's CloudEvents source. */
    String hotlineSource() {
        return "/hotline/" + hotlineDesk;
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "TerminalConfig[deviceShare=" + deviceShare + ", maxDevices=" + maxDevices + ", sosPerHour="
                + sosPerHour + ", silentShare=" + silentShare + ", lowWaterShare=" + lowWaterShare
                + ", visitsPerHour=" + visitsPerHour + ", hotlineDesk=" + hotlineDesk + ", hotlineLateShare="
                + hotlineLateShare + ", doorSensorShare=" + doorSensorShare + ", unbindsPerDay=" + unbindsPerDay
                + ", missedVisitShare=" + missedVisitShare + "]";
    }
}
