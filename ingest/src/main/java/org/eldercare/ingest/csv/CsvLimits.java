package org.eldercare.ingest.csv;

/** The most a CSV import takes at once; the defaults match the batch limits of docs/CONTRACT.md §1. */
public record CsvLimits(int maxRows, long maxBytes) {

    public static final CsvLimits DEFAULT = new CsvLimits(5_000, 5L * 1024 * 1024);
}
