package org.eldercare.api.system;

import static org.eldercare.api.system.Role.ADMIN;
import static org.eldercare.api.system.Role.CIVIL_AFFAIRS;
import static org.eldercare.api.system.Role.HOTLINE;
import static org.eldercare.api.system.Role.MONITOR;
import static org.eldercare.api.system.Role.OPERATOR;
import static org.eldercare.api.system.Role.PLANNER;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what (docs/CONTRACT.md §3): operators and planners send events; planners, the hotline and
 * admins read recipients; everyone with a token reads indicators and facilities; anyone, with no token, reads the
 * public finder under {@code /api/v1/public/} (§10.1) and, with a family access code in the body, the family view
 * (§10.4), both limited per client address; street offices issue and revoke family codes. The portal's static
 * pages, the health status and the API description are public. Health details ({@code management.endpoint.health
 * .roles}) and every other actuator endpoint (metrics, Prometheus) need MONITOR or ADMIN (§6.4), unless
 * {@code eldercare.security.public-actuator} opens them, which only the local profile does.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            TokenRegistry tokens,
            ProblemResponses problems,
            SecurityProperties security,
            @Value("${eldercare.security.public-actuator:false}") boolean publicActuator)
            throws Exception {
        if (publicActuator && !security.allowDemoCredentials()) {
            throw new IllegalStateException("eldercare.security.public-actuator: metrics and health details may be"
                    + " public only in the local profile; give the scraper a MONITOR token instead");
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
                // The ASYNC dispatch that ends a stream (and the ERROR one of a failed stream) is not authorized again:
                // the request that opened it was, and this filter chain's token is not read on those dispatches
                // (docs/CONTRACT.md §9.7). Denying one could not answer 401 anyway, the stream being committed; the
                // container logged it at ERROR instead.
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/family/view")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/family-codes")
                        .hasRole(CIVIL_AFFAIRS.name())
                        .requestMatchers("/api/v1/family-codes", "/api/v1/family-codes/**")
                        .hasAnyRole(CIVIL_AFFAIRS.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/imports")
                        .hasAnyRole(OPERATOR.name(), PLANNER.name(), CIVIL_AFFAIRS.name(), HOTLINE.name())
                        .requestMatchers("/api/v1/recipients/**", "/api/v1/services/**")
                        .hasAnyRole(HOTLINE.name(), PLANNER.name(), ADMIN.name())
                        .requestMatchers("/api/v1/workorders/dispatch-options")
                        .hasAnyRole(HOTLINE.name(), ADMIN.name())
                        .requestMatchers("/api/v1/incidents", "/api/v1/incidents/**")
                        .hasAnyRole(HOTLINE.name(), ADMIN.name())
                        .requestMatchers("/api/v1/workorders/**", "/api/v1/calls/**")
                        .hasAnyRole(HOTLINE.name(), PLANNER.name(), ADMIN.name())
                        .requestMatchers("/api/v1/persons/**", "/api/v1/worklist")
                        .hasAnyRole(CIVIL_AFFAIRS.name(), PLANNER.name(), ADMIN.name())
                        .requestMatchers("/api/v1/identity-reviews", "/api/v1/identity-reviews/**")
                        .hasAnyRole(CIVIL_AFFAIRS.name(), ADMIN.name())
                        .requestMatchers("/api/v1/audit/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/api/v1/rejections/**")
                        .hasAnyRole(OPERATOR.name(), ADMIN.name())
                        .requestMatchers("/api/**")
                        .hasAnyRole(OPERATOR.name(), PLANNER.name(), HOTLINE.name(), ADMIN.name(), CIVIL_AFFAIRS.name())
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .access(
                                publicActuator
                                        ? (authentication, request) -> new AuthorizationDecision(true)
                                        : AuthorityAuthorizationManager.hasAnyRole(MONITOR.name(), ADMIN.name()))
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
