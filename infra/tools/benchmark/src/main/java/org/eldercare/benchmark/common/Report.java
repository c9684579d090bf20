package org.eldercare.benchmark.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results block every benchmark prints: the machine, the parameters, the figures and each goal with PASS or
 * MISS. Lines are {@code label  text}; goals are judged by the caller and only rendered here.
 */
public final class Report {

    private final String title;
    private final List<String[]> lines = new ArrayList<>();

    public Report(String title) {
        this.title = title;
        lines.add(new String[] {"machine", Machine.describe()});
    }

    public Report line(String label, String format, Object... args) {
        lines.add(new String[] {label, String.format(Locale.ROOT, format, args)});
        return this;
    }

    public Report goal(String goal, boolean met, String actual) {
        lines.add(new String[] {"goal", goal + ": " + (met ? "PASS" : "MISS") + " (" + actual + ")"});
        return this;
    }

    public void print() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("=== ").append(title).append(" ===\n");
        for (String[] line : lines) {
            out.append(String.format(Locale.ROOT, "%-12s %s%n", line[0], line[1]));
        }
        out.append("=".repeat(title.length() + 8)).append('\n');
        System.out.print(out);
        System.out.flush();
    }
}
