package org.eldercare.api.system;

/** The four roles of docs/CONTRACT.md §1; every token has exactly one. */
public enum Role {
    OPERATOR,
    PLANNER,
    HOTLINE,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
