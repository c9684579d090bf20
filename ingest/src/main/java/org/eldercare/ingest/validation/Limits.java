package org.eldercare.ingest.validation;

import java.time.Duration;

/**
 * The numbers of docs/CONTRACT.md §1 in one place, plus the length caps the contract leaves to us. The JSON
 * Schemas under {@code schemas/} repeat them; {@code EventSchemaTest} keeps the two in step.
 */
final class Limits {

    static final String SPEC_VERSION = "1.0";
    static final int ID_MAX = 128;
    static final int SOURCE_MAX = 256;
    static final int OPERATOR_ID_MAX = 64;
    static final int CODE_MAX = 64;
    /** Operator-chosen references without a contract pattern: caregiverId, recordId, recipientId. */
    static final int REFERENCE_MAX = 128;

    static final Duration MAX_FUTURE = EventTimeWindow.MAX_FUTURE;
    /** Tied to the dedup horizon (docs/CONTRACT.md §6.2): see {@link EventTimeWindow}. */
    static final Duration MAX_PAST = EventTimeWindow.MAX_PAST;

    static final int BEDS_MAX = 5_000;
    static final int MEAL_SEATS_MAX = 2_000;
    static final int BED_COUNT_MAX = 500;
    static final int MEALS_MAX = 2_000;
    static final int DURATION_MINUTES_MAX = 1_440;

    static final double LAT_MIN = 39.4;
    static final double LAT_MAX = 41.1;
    static final double LON_MIN = 115.4;
    static final double LON_MAX = 117.6;

    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int ID_NUMBER_MAX = 32;
    static final int PHONE_MAX = 32;
    /** Characters of a sealed recipient's ciphertext: the raw recipient's limits, encrypted and encoded. */
    static final int SEALED_MAX = 4_096;

    static final int FIRST_POPULATION_YEAR = 1949;
    static final String EARLIEST_BIRTH_DATE = "1900-01-01";

    /** Raw attributes echoed in an {@link ReadResult.Invalid} are cut to this length. */
    static final int ECHO_MAX = 256;

    private Limits() {}
}
