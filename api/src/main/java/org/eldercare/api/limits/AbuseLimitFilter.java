package org.eldercare.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the per-token limits of docs/CONTRACT.md §6.3 on intake, CSV import and match. It runs after Spring
 * Security, so the principal is known (unauthenticated or forbidden requests never get here), and before the
 * body is read: a refused request costs a map lookup. 429 carries {@code Retry-After}; the match body is
 * buffered here within its cap (413), so the controller never sees more.
 */
final class AbuseLimitFilter extends OncePerRequestFilter {

    private final Map<String, Group> groups;
    private final int matchBodyBytes;
    private final ProblemResponses problems;

    AbuseLimitFilter(AbuseLimits limits, ProblemResponses problems, LongSupplier nanoTime) {
        int keys = limits.maxTrackedPrincipals();
        this.groups = Map.of(
                "/api/v1/events", new Group("intake", "intake", limits.intake(), keys, nanoTime),
                "/api/v1/imports", new Group("import", "imports", limits.imports(), keys, nanoTime),
                "/api/v1/recipients/match", new Group("match", "match", limits.match(), keys, nanoTime));
        this.matchBodyBytes = (int) limits.matchBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !groups.containsKey(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        Group group = groups.get(request.getRequestURI());
        String key = caller.role() + ":" + caller.name();
        long waitNanos = group.rate.tryTake(key);
        if (waitNanos > 0) {
            tooMany(request, response, group, "requests-per-second", retryAfterSeconds(waitNanos), group.rateRule);
            return;
        }
        if (!group.inFlight.tryAcquire(key)) {
            tooMany(request, response, group, "concurrent", 1, group.concurrencyRule);
            return;
        }
        try {
            HttpServletRequest limited = request;
            if (group.label.equals("match")) {
                limited = bufferedWithin(request, matchBodyBytes);
                if (limited == null) {
                    problems.write(
                            request,
                            response,
                            HttpStatus.CONTENT_TOO_LARGE,
                            "body: must be at most " + matchBodyBytes + " bytes (match)",
                            Map.of("limit", "match-body-size"));
                    return;
                }
            }
            chain.doFilter(limited, response);
        } finally {
            group.inFlight.release(key);
        }
    }

    private void tooMany(
            HttpServletRequest request,
            HttpServletResponse response,
            Group group,
            String property,
            long retryAfter,
            String rule)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                rule,
                Map.of("limit", group.property + "." + property));
    }

    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The request with its body read into memory, or null when the body is over {@code limit} bytes. */
    private static HttpServletRequest bufferedWithin(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            return null;
        }
        return new BufferedBody(request, body);
    }

    private static final class Group {
        final String label;
        final String property;
        final TokenBuckets rate;
        final InFlight inFlight;
        final String rateRule;
        final String concurrencyRule;

        Group(String label, String property, AbuseLimits.Group limits, int keys, LongSupplier nanoTime) {
            this.label = label;
            this.property = property;
            this.rate = new TokenBuckets(limits.requestsPerSecond(), limits.burst(), keys, nanoTime);
            this.inFlight = new InFlight(limits.concurrent());
            this.rateRule = "rate limit: at most "
                    + BigDecimal.valueOf(limits.requestsPerSecond())
                            .stripTrailingZeros()
                            .toPlainString()
                    + " requests per second per token (" + label + ")";
            this.concurrencyRule = "concurrency limit: at most " + limits.concurrent()
                    + " requests in flight per token (" + label + ")";
        }
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }
    }
}
