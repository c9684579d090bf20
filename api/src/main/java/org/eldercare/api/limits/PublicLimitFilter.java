package org.eldercare.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eldercare.api.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A tokenless group's limit: a token bucket and an in-flight count per client address, on every request under
 * {@code /api/v1/public/} (the finder, docs/CONTRACT.md §10.1) or, with buckets of its own, {@code /api/v1/family/}
 * (the family view, §10.4). It has no principal to key on, so it keys on the remote address, which
 * a deployment behind a proxy makes the client's with Spring's forward-headers strategy; it never reads
 * {@code X-Forwarded-For} itself, which any client could forge to get a fresh bucket per request.
 */
final class PublicLimitFilter extends OncePerRequestFilter {

    static final String PROPERTY = "public-finder";
    static final String FAMILY_PROPERTY = "family";

    private final String property;
    private final TokenBuckets rate;
    private final InFlight inFlight;
    private final String rateRule;
    private final String concurrencyRule;
    private final ProblemResponses problems;

    PublicLimitFilter(AbuseLimits limits, ProblemResponses problems, LongSupplier nanoTime) {
        this(limits.publicFinder(), PROPERTY, "public", limits, problems, nanoTime);
    }

    /** The family view's limit, with buckets of its own (docs/CONTRACT.md §10.4). */
    static PublicLimitFilter family(AbuseLimits limits, ProblemResponses problems, LongSupplier nanoTime) {
        return new PublicLimitFilter(limits.family(), FAMILY_PROPERTY, "family", limits, problems, nanoTime);
    }

    private PublicLimitFilter(
            AbuseLimits.Group group,
            String property,
            String groupName,
            AbuseLimits limits,
            ProblemResponses problems,
            LongSupplier nanoTime) {
        this.property = property;
        this.rate = new TokenBuckets(group.requestsPerSecond(), group.burst(), limits.maxTrackedPrincipals(), nanoTime);
        this.inFlight = new InFlight(group.concurrent());
        this.rateRule = "rate limit: at most "
                + BigDecimal.valueOf(group.requestsPerSecond())
                        .stripTrailingZeros()
                        .toPlainString()
                + " requests per second per client address (" + groupName + ")";
        this.concurrencyRule = "concurrency limit: at most " + group.concurrent()
                + " requests in flight per client address (" + groupName + ")";
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long waitNanos = rate.tryTake(address);
        if (waitNanos > 0) {
            tooMany(request, response, "requests-per-second", AbuseLimitFilter.retryAfterSeconds(waitNanos), rateRule);
            return;
        }
        if (!inFlight.tryAcquire(address)) {
            tooMany(request, response, "concurrent", 1, concurrencyRule);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release(address);
        }
    }

    private void tooMany(
            HttpServletRequest request, HttpServletResponse response, String property, long retryAfter, String rule)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(
                request, response, HttpStatus.TOO_MANY_REQUESTS, rule, Map.of("limit", this.property + "." + property));
    }
}
