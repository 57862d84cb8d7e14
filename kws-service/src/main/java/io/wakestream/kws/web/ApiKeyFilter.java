package io.wakestream.kws.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates the enrollment API: a request must carry one of the configured keys in {@value #HEADER} or as
 * {@code Authorization: Bearer <key>}. No credentials: 401 with {@code WWW-Authenticate}; credentials that are
 * not accepted: 403; both as problem bodies. Keys are compared in constant time. With no key configured the
 * API is open. Registered for the API's paths only, so Actuator and the OpenAPI document stay open.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;
    private final JsonMapper json;

    public ApiKeyFilter(List<String> keys, JsonMapper json) {
        this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.json = json;
    }

    public boolean open() {
        return keys.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open()) {
            chain.doFilter(request, response);
            return;
        }
        String presented = credential(request);
        if (presented == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wakestream\"");
            reject(request, response, HttpStatus.UNAUTHORIZED, "missing-credentials", "Credentials missing",
                    "send an API key in the " + HEADER + " header or as Authorization: Bearer <key>");
        } else if (!accepted(presented)) {
            reject(request, response, HttpStatus.FORBIDDEN, "invalid-credentials", "Credentials not accepted",
                    "the API key or bearer token is not one this service accepts");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The key in X-API-Key, else the bearer token; null when neither is there (blank counts as missing). */
    private static String credential(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && !authorization.substring(BEARER.length()).isBlank()) {
            return authorization.substring(BEARER.length()).strip();
        }
        return authorization == null || authorization.isBlank() ? null : authorization;
    }

    private boolean accepted(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, bytes);
        }
        return match;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String title, String detail) throws IOException {
        ProblemDetail problem = Problems.detail(status, type, title, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
