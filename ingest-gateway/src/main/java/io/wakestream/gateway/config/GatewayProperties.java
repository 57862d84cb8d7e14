package io.wakestream.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * ingest-gateway settings, under {@code wakestream.gateway}.
 *
 * @param tokens          tokens a client must present (WebSocket handshake or {@code ?token=}, Wyoming event data);
 *                        empty leaves both endpoints open (a warning is logged at start-up)
 * @param maxConnections  open connections at most, both protocols together; more are refused
 * @param maxStreams      streams at most; more are refused
 * @param chunkMs         milliseconds of 16 kHz audio per produced AudioChunk
 * @param maxSpeed        the fastest a client may send, in seconds of audio per second; faster clients are slowed
 * @param burst           audio a client may send at once before pacing starts
 * @param maxWait         the longest the gateway slows a client at once; a client further ahead is refused
 * @param maxFrameBytes   the largest WebSocket message or Wyoming payload accepted, in bytes
 * @param kwsUrl          kws-service's base URL, for the web page's enrollment form; empty hides the form
 * @param wyoming         the Wyoming server's settings
 */
@Validated
@ConfigurationProperties("wakestream.gateway")
public record GatewayProperties(
        @DefaultValue({}) @NotNull List<@NotBlank String> tokens,
        @DefaultValue("64") @Positive int maxConnections,
        @DefaultValue("64") @Positive int maxStreams,
        @DefaultValue("100") @Min(10) @Max(1000) int chunkMs,
        @DefaultValue("1.5") @DecimalMin("0.1") double maxSpeed,
        @DefaultValue("2s") @NotNull Duration burst,
        @DefaultValue("5s") @NotNull Duration maxWait,
        @DefaultValue("1048576") @Min(1024) int maxFrameBytes,
        @DefaultValue("") @NotNull String kwsUrl,
        @DefaultValue @Valid @NotNull Wyoming wyoming) {

    /**
     * @param enabled         whether the Wyoming server runs
     * @param port            its TCP port (0: a free one)
     * @param requireToken    whether Wyoming clients must send a token when tokens are configured (stock satellites
     *                        cannot: set false where the port is only reachable from a trusted network)
     * @param detectionSource what a Wyoming {@code detection} event reports: every wake-word {@code detection}, or
     *                        only an {@code accepted-decision} of the whole cascade (later, after the request)
     * @param idleTimeout     a connection that sends nothing this long is closed
     * @param modelName       the wake-word name announced in {@code info} and reported in {@code detection}
     */
    public record Wyoming(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10400") @Min(0) @Max(65535) int port,
            @DefaultValue("true") boolean requireToken,
            @DefaultValue("detection") @NotNull DetectionSource detectionSource,
            @DefaultValue("5m") @NotNull Duration idleTimeout,
            @DefaultValue("hey_jarvis") @NotBlank String modelName) {
    }

    /** What a Wyoming {@code detection} event reports. */
    public enum DetectionSource {
        DETECTION,
        ACCEPTED_DECISION
    }

    /** 16 kHz samples per produced chunk. */
    public int chunkSamples() {
        return 16 * chunkMs;
    }
}
