package io.wakestream.kws.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /v1/streams/{streamId}/keyword}. */
public record EnrollmentRequest(
        @Schema(description = "The phrase: at most 6 words and 40 characters of letters, digits, apostrophes, spaces and"
                + " hyphens, at least 2 phones", example = "hey jarvis", requiredMode = Schema.RequiredMode.REQUIRED)
        String phrase) {
}
