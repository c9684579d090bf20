package org.eldercare.api.limits;

import org.eldercare.api.system.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LimitsConfig {

    /** After Spring Security's filter chain (order -100), so the caller is authenticated and authorized. */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<AbuseLimitFilter> abuseLimitFilter(AbuseLimits limits, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new AbuseLimitFilter(limits, problems, System::nanoTime));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/v1/events", "/api/v1/imports", "/api/v1/recipients/match");
        return registration;
    }

    /** Per client address on the tokenless endpoints (docs/CONTRACT.md §10.1); no principal is needed. */
    @Bean
    FilterRegistrationBean<PublicLimitFilter> publicLimitFilter(AbuseLimits limits, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new PublicLimitFilter(limits, problems, System::nanoTime));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/v1/public/*");
        return registration;
    }

    /** Per client address on the family view (docs/CONTRACT.md §10.4), so access codes cannot be guessed. */
    @Bean
    FilterRegistrationBean<PublicLimitFilter> familyLimitFilter(AbuseLimits limits, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(PublicLimitFilter.family(limits, problems, System::nanoTime));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/v1/family/*");
        return registration;
    }
}
