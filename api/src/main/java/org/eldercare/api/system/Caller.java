package org.eldercare.api.system;

/**
 * Who is calling: the principal behind a bearer token. {@code operatorId} is set for operators only; {@code scope}
 * only for a CIVIL_AFFAIRS office limited to one district (6 digits) or street (9 digits), docs/CONTRACT.md §10.4.
 */
public record Caller(String name, Role role, String operatorId, String scope) {

    public Caller(String name, Role role, String operatorId) {
        this(name, role, operatorId, null);
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** The CloudEvents {@code source} an operator must use. */
    public String operatorSource() {
        return "/operators/" + operatorId;
    }

    /**
     * Whether a person registered in {@code districtCode}/{@code streetCode} lies in this caller's scope: always for a
     * caller without one.
     */
    public boolean covers(String districtCode, String streetCode) {
        if (scope == null) {
            return true;
        }
        return scope.length() == 9 ? scope.equals(streetCode) : scope.equals(districtCode);
    }
}
