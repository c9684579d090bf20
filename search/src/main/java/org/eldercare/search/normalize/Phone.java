package org.eldercare.search.normalize;

/**
 * A normalised phone number: 11 digits for a mobile ({@code 13812345678}), area code and number for a landline
 * ({@code 01069851234}). {@code toString()} shows only the masked form.
 */
public record Phone(String value, Kind kind) {

    /** Mobile numbers are personal; a landline is shared by a household. */
    public enum Kind {
        MOBILE,
        LANDLINE
    }

    /** {@code 138****5678}. */
    public String masked() {
        return Pii.maskPhone(value);
    }

    @Override
    public String toString() {
        return "Phone[" + masked() + ", " + kind + "]";
    }
}
