package org.eldercare.ingest.event;

/** The social-assistance statuses a register records (docs/CONTRACT.md §7.2). */
public enum BenefitType {
    /** 特困人员. */
    SPECIAL_HARDSHIP,
    /** 最低生活保障 (低保). */
    MINIMUM_SUBSISTENCE,
    /** 低收入家庭. */
    LOW_INCOME,
    /** 计划生育特殊家庭. */
    FAMILY_PLANNING_SPECIAL
}
