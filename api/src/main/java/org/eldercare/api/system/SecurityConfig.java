package org.eldercare.api.system;

import static org.eldercare.api.system.Role.ADMIN;
import static org.eldercare.api.system.Role.CIVIL_AFFAIRS;
import static org.eldercare.api.system.Role.HOTLINE;
import static org.eldercare.api.system.Role.OPERATOR;
import static org.eldercare.api.system.Role.PLANNER;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what (docs/CONTRACT.md §3): operators and planners send events; planners, the hotline and
 * admins read recipients; everyone with a token reads indicators and facilities. The portal's static
 * pages, health and the API description are public.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenRegistry tokens, ProblemResponses problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/imports")
                                .hasAnyRole(OPERATOR.name(), PLANNER.name(), CIVIL_AFFAIRS.name())
                                .requestMatchers("/api/v1/recipients/**", "/api/v1/services/**")
                                .hasAnyRole(HOTLINE.name(), PLANNER.name(), ADMIN.name())
                                .requestMatchers("/api/v1/audit/**")
                                .hasRole(ADMIN.name())
                                .requestMatchers("/api/v1/rejections/**")
                                .hasAnyRole(OPERATOR.name(), ADMIN.name())
                                .requestMatchers("/api/**")
                                .authenticated()
                                .anyRequest()
                                .permitAll());
        return http.build();
    }
}
