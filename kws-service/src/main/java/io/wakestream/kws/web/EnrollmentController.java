package io.wakestream.kws.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.kws.config.KwsMetrics;
import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.core.PhrasePolicy;
import io.wakestream.kws.core.StreamIds;
import io.wakestream.kws.kafka.EnrollmentStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The keyword enrollment API: the phrase kws-service verifies a stream's detections against. */
@RestController
@RequestMapping(path = "/v1/streams", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Keyword enrollment", description = "The phrase a stream's wake-word detections are verified against")
@SecurityRequirement(name = OpenApiConfiguration.API_KEY)
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "400", description = "Invalid stream id, body or phrase",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "No API key or bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "An API key or bearer token that is not accepted",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
public class EnrollmentController {

    private final PhrasePolicy policy;
    private final KeywordVerifier verifier;
    private final EnrollmentStore store;
    private final KwsMetrics metrics;

    public EnrollmentController(PhrasePolicy policy, KeywordVerifier verifier, EnrollmentStore store, KwsMetrics metrics) {
        this.policy = policy;
        this.verifier = verifier;
        this.store = store;
        this.metrics = metrics;
    }

    @PutMapping(path = "/{streamId}/keyword", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enroll a phrase for a stream",
            description = "Replaces the stream's phrase; answers once the enrollment is stored in Kafka.")
    @ApiResponse(responseCode = "200", description = "Enrolled")
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge the enrollment in time",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public EnrollmentResponse put(@Parameter(description = "1-128 characters of A-Z a-z 0-9 . _ : -") @PathVariable String streamId,
                                  @RequestBody EnrollmentRequest request) {
        checkStreamId(streamId);
        if (request == null || request.phrase() == null) {
            throw Problems.badRequest("Invalid request body", "the body must be a JSON object with a \"phrase\"");
        }
        PhrasePolicy.Check check = policy.check(request.phrase());
        if (!check.valid()) {
            throw Problems.invalidPhrase(check.violations());
        }
        PhrasePronunciation pronunciation = check.pronunciation();
        Enrollment enrollment = store.put(streamId, request.phrase().strip(), pronunciation.phones());
        metrics.enrollmentChanged("put");
        return new EnrollmentResponse(enrollment.streamId(), enrollment.phrase(), enrollment.phones(),
                pronunciation.g2pWords(), enrollment.updatedAt());
    }

    @GetMapping("/{streamId}/keyword")
    @Operation(summary = "The phrase enrolled for a stream")
    @ApiResponse(responseCode = "200", description = "Enrolled")
    @ApiResponse(responseCode = "404", description = "No phrase is enrolled for the stream",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public EnrollmentResponse get(@PathVariable String streamId) {
        checkStreamId(streamId);
        Enrollment enrollment = store.get(streamId).orElseThrow(() -> Problems.notEnrolled(streamId));
        return new EnrollmentResponse(enrollment.streamId(), enrollment.phrase(), enrollment.phones(),
                verifier.pronounce(enrollment.phrase()).g2pWords(), enrollment.updatedAt());
    }

    @DeleteMapping("/{streamId}/keyword")
    @Operation(summary = "Remove a stream's phrase",
            description = "Its detections are verified against their own keyword again. Answers once the removal is"
                    + " stored in Kafka; removing a phrase that is not enrolled succeeds too.")
    @ApiResponse(responseCode = "204", description = "Removed")
    public ResponseEntity<Void> delete(@PathVariable String streamId) {
        checkStreamId(streamId);
        store.delete(streamId);
        metrics.enrollmentChanged("delete");
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /**
     * {@code /v1/streams//keyword}: an empty stream id , which no {streamId} matches.
     */
    @RequestMapping(path = "//keyword")
    @Operation(hidden = true)
    public void emptyStreamId() {
        checkStreamId("");
    }

    private static void checkStreamId(String streamId) {
        StreamIds.problem(streamId).ifPresent(problem -> {
            throw Problems.badRequest("Invalid stream id", problem);
        });
    }
}
