package org.eldercare.ingest.csv;

/**
 * The most a CSV import takes at once (docs/CONTRACT.md §6.3); the defaults match the batch limits of §1.
 *
 * @param maxRows data rows (blank rows aside), counted while parsing
 * @param maxBytes the file's size
 * @param maxCellChars any one cell; the parser stops at the first longer one
 * @param maxNumberChars a number or integer cell; a longer one is never converted, so a million digits cost
 *     nothing
 * @param maxFields fields in one row
 */
public record CsvLimits(int maxRows, long maxBytes, int maxCellChars, int maxNumberChars, int maxFields) {

    public static final int CELL_CHARS = 512;
    public static final int NUMBER_CHARS = 32;
    public static final int FIELDS = 64;
    public static final CsvLimits DEFAULT = new CsvLimits(5_000, 5L * 1024 * 1024);

    /** Row and byte limits with the default cell, number and field caps. */
    public CsvLimits(int maxRows, long maxBytes) {
        this(maxRows, maxBytes, CELL_CHARS, NUMBER_CHARS, FIELDS);
    }
}
