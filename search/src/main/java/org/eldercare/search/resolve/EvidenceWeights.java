package org.eldercare.search.resolve;

import java.io.Serializable;

/**
 * Log-odds contributions of each kind of evidence (natural log; +4 makes a match about 55 times likelier). Agreement
 * is positive, disagreement negative, a missing value on either side contributes nothing. The sizes follow how
 * rare an accidental agreement is: many people share a name or a household phone, nobody shares a valid identity
 * number. See {@link ResolutionThresholds} for the decision thresholds on the resulting probability.
 */
public record EvidenceWeights(
        double prior,
        double idAgree,
        double idOneSlip,
        double idSameInvalid,
        double idConflict,
        double phoneAgree,
        double phoneDiffer,
        double nameExact,
        double nameSamePinyin,
        double nameSwapped,
        double nameSimilar,
        double nameOneOff,
        double nameDifferent,
        double birthAgree,
        double birthOneFieldOff,
        double birthDiffer,
        double genderAgree,
        double genderDiffer,
        double streetAgree,
        double dwellingAgree,
        double streetDiffer,
        double districtAgree,
        double districtDiffer,
        double nearby,
        double farApart)
        implements Serializable {

    /** Hand-set from the reasoning above, then checked on the evaluation set (see search/README.md). */
    public static final EvidenceWeights DEFAULT = new EvidenceWeights(
            -6.0, // prior: a candidate sharing a blocking key is rarely the same person
            14.0, // idAgree
            9.0, // idOneSlip: a mistyped number whose one-slip correction is the person's valid number
            6.0, // idSameInvalid: the same mistyped number twice
            -20.0, // idConflict: two different valid numbers are two people
            4.0, // phoneAgree: spouses share phones
            -0.5, // phoneDiffer: people change phones
            5.0, // nameExact
            4.0, // nameSamePinyin
            3.0, // nameSwapped
            3.0, // nameSimilar
            -6.0, // nameOneOff: twins' and siblings' names differ by one character
            -8.0, // nameDifferent
            4.5, // birthAgree
            -1.5, // birthOneFieldOff: typing slip, or a sibling
            -8.0, // birthDiffer
            0.5, // genderAgree
            -5.0, // genderDiffer
            1.5, // streetAgree
            2.5, // dwellingAgree: the same name at the same road, door and building (added to streetAgree)
            -1.0, // streetDiffer
            0.3, // districtAgree
            -1.5, // districtDiffer
            1.0, // nearby: within 300 m
            -1.5); // farApart: more than 10 km
}
