package io.wakestream.kws.web;

import io.wakestream.kws.kafka.EnrollmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem ({@code application/problem+json}): the API's own
 * ({@link Problems}, thrown as {@link org.springframework.web.ErrorResponseException}), Spring MVC's (unreadable
 * body, wrong media type or method, unknown path, ...), Kafka not storing a change (503), and anything
 * unexpected (500, logged).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(EnrollmentStore.StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(EnrollmentStore.StoreUnavailableException e) {
        LOG.warn("Enrollment not stored: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.detail(HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable", "Enrollment not stored", e.getMessage() + "; try again"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "the request failed (" + e.getClass().getSimpleName() + "); see the service log"));
    }
}
