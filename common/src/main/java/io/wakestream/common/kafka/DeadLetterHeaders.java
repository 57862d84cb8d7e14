package io.wakestream.common.kafka;

/** Headers that Wakestream adds to every dead-letter record, beside spring-kafka's kafka_dlt-* headers. */
public final class DeadLetterHeaders {

    /** A stable, machine-readable reason code, e.g. {@code undecodable} or {@code sample_rate}. */
    public static final String REASON = "wakestream-dlt-reason";

    /** What was wrong, in words, e.g. "sample_rate 44100, expected 16000". */
    public static final String MESSAGE = "wakestream-dlt-message";

    /** Reason code of records whose bytes could not be parsed at all. */
    public static final String UNDECODABLE = "undecodable";

    private DeadLetterHeaders() {
    }
}
