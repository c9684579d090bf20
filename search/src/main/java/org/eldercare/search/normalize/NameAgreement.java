package org.eldercare.search.normalize;

/** How two normalised names relate, strongest first. Each level is evidence of a different weight. */
public enum NameAgreement {
    /** Same characters. */
    EXACT,
    /** Same toneless pinyin, different characters: homophones such as 张伟 and 章伟. */
    SAME_PINYIN,
    /** Same surname, the two given-name characters swapped: 王建国 and 王国建. */
    SWAPPED_GIVEN,
    /** One character differs and the two look alike (形近字) or sound alike: 王己 and 王已. */
    SIMILAR_CHARACTER,
    /** One character differs, added or dropped, with nothing making it look like a slip. */
    ONE_CHARACTER_OFF,
    /** Anything else, or a name is missing. */
    DIFFERENT
}
