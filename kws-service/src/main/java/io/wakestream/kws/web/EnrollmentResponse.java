package io.wakestream.kws.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A stream's enrolled phrase.
 *
 * @param streamId  the stream
 * @param phrase    the phrase as enrolled
 * @param phones    its phones (ARPAbet without stress), as verified
 * @param g2pWords  its words that the lexicon lacks, pronounced by the G2P model
 * @param updatedAt when it was enrolled
 */
public record EnrollmentResponse(
        @Schema(example = "kitchen-1") String streamId,
        @Schema(example = "hey jarvis") String phrase,
        @Schema(example = "[\"HH\", \"EY\", \"JH\", \"AA\", \"R\", \"V\", \"IH\", \"S\"]") List<String> phones,
        @Schema(example = "[]") List<String> g2pWords,
        Instant updatedAt) {
}
