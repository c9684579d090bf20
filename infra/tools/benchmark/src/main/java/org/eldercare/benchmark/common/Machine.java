package org.eldercare.benchmark.common;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/** One line about where a benchmark ran: cores, JVM, this JVM's heap limit and the load at the time. */
public final class Machine {

    private Machine() {}

    public static String describe() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s (%s), benchmark JVM -Xmx%s, load average %.1f at report time%s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                megabytes(Runtime.getRuntime().maxMemory()),
                os.getSystemLoadAverage(),
                shared());
    }

    /** ELDERCARE_BENCH_NOTE lets whoever runs it say e.g. that the machine was shared with other builds. */
    private static String shared() {
        String note = System.getenv("ELDERCARE_BENCH_NOTE");
        return note == null || note.isBlank() ? "" : "; " + note;
    }

    public static String megabytes(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1fg", bytes / (double) (1L << 30))
                : bytes >= 1L << 20
                        ? String.format(Locale.ROOT, "%.1fm", bytes / (double) (1L << 20))
                        : (bytes >> 10) + "k";
    }
}
