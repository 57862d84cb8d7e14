package io.wakestream.kws.web;

import io.wakestream.kws.core.PhrasePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems of the enrollment API, thrown as {@link ErrorResponseException}s that
 * {@link ProblemHandler} writes as {@code application/problem+json}.
 */
final class Problems {

    static final String TYPE_BASE = "https://wakestream.io/problems/";

    private Problems() {
    }

    static ErrorResponseException badRequest(String title, String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", title, detail);
    }

    /** 400 naming every rule the phrase breaks, also as {@code violations: [{code, message}]}. */
    static ErrorResponseException invalidPhrase(List<PhrasePolicy.Violation> violations) {
        ErrorResponseException error = problem(HttpStatus.BAD_REQUEST, "invalid-phrase", "Invalid phrase",
                String.join("; ", violations.stream().map(PhrasePolicy.Violation::message).toList()));
        error.getBody().setProperty("violations", violations.stream()
                .map(v -> Map.of("code", v.code(), "message", v.message())).toList());
        return error;
    }

    static ErrorResponseException notEnrolled(String streamId) {
        return problem(HttpStatus.NOT_FOUND, "not-enrolled", "No phrase enrolled",
                "no phrase is enrolled for stream " + streamId);
    }

    static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, detail(status, type, title, detail), null);
    }
}
