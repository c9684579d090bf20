package org.eldercare.search.normalize;

import java.time.LocalDate;

/**
 * A resident identity number in its 18-character form (GB 11643-1999), possibly mistyped.
 *
 * <p>{@code valid} is true when the check character agrees and the embedded birth date is a real past date. A number
 * that fails is weak evidence, never identity: one wrong digit can turn one person's number into another's shape.
 * {@code birthDate} and {@code gender} ("M"/"F") are derived from the number and null when it is not valid.
 * {@code toString()} shows only the masked form.
 */
public record IdNumber(String value, boolean valid, LocalDate birthDate, String gender, boolean upgradedFrom15) {

    /** The first six digits: the district of first registration. */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** {@code 110109********1234}. */
    public String masked() {
        return Pii.maskIdNumber(value);
    }

    @Override
    public String toString() {
        return "IdNumber[" + masked() + (valid ? "" : ", invalid") + "]";
    }
}
