package org.eldercare.api.system;

import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PII secrets and the tokeniser that seals recipients before they are written (docs/CONTRACT.md §6.7). */
@Configuration
class PiiConfig {

    @Bean
    PiiSettings piiSettings(SecurityProperties security, @Value("${eldercare.security.pii-keys:}") String keys) {
        return PiiSettings.of(security, keys);
    }

    @Bean
    RecipientTokeniser recipientTokeniser(PiiSettings pii) {
        return new RecipientTokeniser(Pii.withKey(pii.hmacKey()), pii.keyring());
    }
}
