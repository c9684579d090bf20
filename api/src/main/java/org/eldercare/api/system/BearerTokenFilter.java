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
    private static final String SSE_PATH = "/api/v1/indicators/stream";
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
        // A browser's EventSource cannot set headers, so the SSE stream alone takes the token as a parameter.
        if (SSE_PATH.equals(request.getRequestURI())) {
            return request.getParameter("access_token");
        }
        return null;
    }
}
