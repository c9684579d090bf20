package org.eldercare.api.system;

/**
 * The roles of docs/CONTRACT.md §1 and §7.1 (CIVIL_AFFAIRS), and {@code MONITOR} (§6.4): health details and metrics,
 * nothing of the API. Every token has exactly one.
 */
public enum Role {
    OPERATOR,
    PLANNER,
    HOTLINE,
    ADMIN,
    MONITOR,
    /** Street and district civil-affairs staff, who keep the register of older people (docs/CONTRACT.md §7.1). */
    CIVIL_AFFAIRS;

    public String authority() {
        return "ROLE_" + name();
    }
}
