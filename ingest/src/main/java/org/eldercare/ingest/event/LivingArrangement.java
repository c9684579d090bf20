package org.eldercare.ingest.event;

/** Who an older person lives with (docs/CONTRACT.md §7.2); {@code ALONE} and {@code COUPLE_ONLY} are 空巢. */
public enum LivingArrangement {
    /** 独居. */
    ALONE,
    /** 仅与配偶同住. */
    COUPLE_ONLY,
    /** 与子女等同住. */
    WITH_FAMILY,
    /** 入住养老机构. */
    IN_INSTITUTION
}
