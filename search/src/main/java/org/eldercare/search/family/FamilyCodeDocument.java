package org.eldercare.search.family;

import java.time.OffsetDateTime;

/**
 * A family access code as the {@code family-codes} index keeps it (docs/CONTRACT.md §10.4): its keyed digest and a
 * mask of its last two characters, never the code. Written by the API only; the document id is the digest, so the
 * relative's view finds a code with a real-time get and a revocation holds from the moment it is written.
 *
 * @param codeId {@code fc-} and 16 hex digits, random: names the code in lists and audit entries, opens nothing
 * @param codeDigest HMAC-SHA256 of {@code family-code|<12 characters>} under the platform's HMAC key, 64 hex digits
 * @param codeMasked {@code ****-****-**RW}
 * @param districtCode the person's district when the code was issued, for the office's scope
 * @param streetCode the person's street when the code was issued
 * @param issuedBy the issuing principal's name
 * @param revokedAt null while not revoked
 * @param revokedBy null while not revoked
 */
public record FamilyCodeDocument(
        String codeId,
        String codeDigest,
        String codeMasked,
        String personId,
        String districtCode,
        String streetCode,
        String issuedBy,
        OffsetDateTime issuedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt,
        String revokedBy) {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    public static final String EXPIRED = "EXPIRED";

    /** {@code ACTIVE}, {@code REVOKED} or {@code EXPIRED} at {@code now}; a revocation wins over an expiry. */
    public String state(OffsetDateTime now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return now.isBefore(expiresAt) ? ACTIVE : EXPIRED;
    }

    /** This code revoked at {@code at} by {@code by}; a revoked code keeps its first revocation. */
    public FamilyCodeDocument revoked(OffsetDateTime at, String by) {
        if (revokedAt != null) {
            return this;
        }
        return new FamilyCodeDocument(
                codeId,
                codeDigest,
                codeMasked,
                personId,
                districtCode,
                streetCode,
                issuedBy,
                issuedAt,
                expiresAt,
                at,
                by);
    }
}
