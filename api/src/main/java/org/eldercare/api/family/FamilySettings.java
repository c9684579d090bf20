package org.eldercare.api.family;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eldercare.family.*}: the family view's settings (docs/CONTRACT.md §10.4).
 *
 * @param codeValidity how long an access code opens the view after it is issued: {@code P180D}, 1 to 400 days
 */
@ConfigurationProperties("eldercare.family")
public record FamilySettings(Duration codeValidity) {

    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofDays(180);

    public FamilySettings {
        codeValidity = codeValidity == null ? DEFAULT_CODE_VALIDITY : codeValidity;
        if (codeValidity.compareTo(Duration.ofDays(1)) < 0 || codeValidity.compareTo(Duration.ofDays(400)) > 0) {
            throw new IllegalArgumentException("eldercare.family.code-validity: must be between 1 and 400 days");
        }
    }
}
