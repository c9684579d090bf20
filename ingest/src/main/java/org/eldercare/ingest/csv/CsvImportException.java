package org.eldercare.ingest.csv;

/**
 * The file as a whole cannot be imported: not UTF-8, broken quoting, a bad header, or over the
 * limits. {@link #overLimit()} tells the API to answer 413 rather than 400.
 */
public class CsvImportException extends Exception {

    private final boolean overLimit;

    public CsvImportException(String message, boolean overLimit) {
        super(message);
        this.overLimit = overLimit;
    }

    public boolean overLimit() {
        return overLimit;
    }
}
