package org.eldercare.search.register;

/** The labels of a registered older person (docs/CONTRACT.md §7.3), with their Chinese names for the portal. */
public enum CareLabel {
    AGE_80_PLUS("高龄(80岁及以上)"),
    AGE_90_PLUS("90岁及以上"),
    LIVING_ALONE("独居"),
    EMPTY_NEST("空巢"),
    DISABLED_MILD("轻度失能"),
    DISABLED_MODERATE_OR_WORSE("中度及以上失能"),
    SPECIAL_HARDSHIP("特困"),
    MINIMUM_SUBSISTENCE("低保"),
    ASSESSMENT_OVERDUE("能力评估逾期");

    private final String chinese;

    CareLabel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
