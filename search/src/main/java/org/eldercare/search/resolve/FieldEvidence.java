package org.eldercare.search.resolve;

import java.io.Serializable;

/**
 * What one field contributed to a comparison (docs/CONTRACT.md §7.6): a reviewer sees this per field, side by side.
 *
 * @param field the contract's field name: idNumber, phone, name, birthDate, gender, address or location
 * @param outcome whether the two sides agreed, differed, or one had no value
 * @param weight the field's log-odds contribution; 0 when {@code MISSING}
 */
public record FieldEvidence(String field, Outcome outcome, double weight) implements Serializable {

    public enum Outcome {
        AGREE,
        DIFFER,
        MISSING
    }
}
