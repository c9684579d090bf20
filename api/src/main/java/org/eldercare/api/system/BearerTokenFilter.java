package org.eldercare.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. An unknown token leaves the request
 * unauthenticated, so protected paths answer 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    /** The SSE streams (docs/CONTRACT.md §6.1, §9.7). */
    private static final java.util.Set<String> SSE_PATHS =
            java.util.Set.of("/api/v1/indicators/stream", "/api/v1/incidents/stream");

    private final TokenRegistry tokens;

    BearerTokenFilter(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token != null) {
            tokens.resolve(token).ifPresent(caller -> {
                var auth = new UsernamePasswordAuthenticationToken(
                        caller,
                        null,
                        List.of(new SimpleGrantedAuthority(caller.role().authority())));
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
        }
        chain.doFilter(request, response);
    }

    private static String tokenOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return header.substring(PREFIX.length()).trim();
        }
        // A browser's EventSource cannot set headers, so the SSE streams alone take the token as a parameter.
        if (SSE_PATHS.contains(request.getRequestURI())) {
            return request.getParameter("access_token");
        }
        return null;
    }
}
