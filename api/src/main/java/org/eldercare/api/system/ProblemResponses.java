package org.eldercare.api.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem+json for failures that happen before a controller runs (401, 403, 413, 429). */
@Component
public class ProblemResponses {

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "Authorization: a known bearer token is required", request);
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                HttpStatus.FORBIDDEN,
                "this token's role may not call " + request.getMethod() + " " + request.getRequestURI(),
                request);
    }

    /** Writes a problem with {@code status} and {@code detail} for a handler that answers by hand. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, Map.of());
    }

    /**
     * Writes a problem for a refusal made in a filter (429, 413 of docs/CONTRACT.md §6.3), with extra string
     * members such as {@code "limit"}.
     */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            Map<String, String> members)
            throws IOException {
        StringBuilder extra = new StringBuilder();
        new TreeMap<>(members)
                .forEach((name, value) -> extra.append(",\"")
                        .append(escape(name))
                        .append("\":\"")
                        .append(escape(value))
                        .append('"'));
        write(response, status, detail, request, extra.toString());
    }

    private static void write(
            HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request)
            throws IOException {
        write(response, status, detail, request, "");
    }

    private static void write(
            HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request, String extra)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\""
                + escape(request.getRequestURI()) + "\"" + extra + "}";
        response.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
