package org.eldercare.api.intake;

/** docs/CONTRACT.md §1's request limits. */
final class IntakeLimits {
    static final int MAX_BATCH_EVENTS = 5_000;
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private IntakeLimits() {}
}
