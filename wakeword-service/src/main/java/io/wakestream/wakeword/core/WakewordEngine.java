package io.wakestream.wakeword.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Per-stream wake-word processing over ordered chunks. Sequence rules: the next expected chunk is
 * processed; an earlier one is a duplicate and dropped when it holds the audio already processed under
 * its seq (or its seq is older than the chunks remembered, unless it starts a stream), and is a restart
 * of the device otherwise; a later one (a gap), one whose first sample does not follow on, or a restart
 * resets the stream, which then starts afresh at that chunk. End of stream, idle expiry and a
 * partition's revocation free the stream's state, closing any open segment.
 *
 * <p>Thread-safe across streams: a stream's state is locked while its chunk's sequence checks and trigger policy run;
 * one stream's chunks must come from one thread at a time (its partition's consumer), since its detector holds the
 * chunk between the two while the batch of the round is scored.
 */
public final class WakewordEngine {

    private final DetectorChoice detectors;
    private final SessionSettings settings;
    private final Clock clock;
    private final Map<String, StreamState> streams = new ConcurrentHashMap<>();

    public WakewordEngine(Detector detector, SessionSettings settings, Clock clock) {
        this(DetectorChoice.fixed(detector), settings, clock);
    }

    /** Each stream runs the detector {@code detectors} names for it, switched between chunks when that changes. */
    public WakewordEngine(DetectorChoice detectors, SessionSettings settings, Clock clock) {
        this.detectors = detectors;
        this.settings = settings;
        this.clock = clock;
    }

    public ChunkResult accept(AudioInput chunk) {
        return acceptAll(List.of(chunk)).getFirst();
    }

    /**
     * Processes chunks in order, as one {@link #accept} each would, but scores in rounds: the first chunk of each
     * stream, then the second of each, and so on, each round's model windows in one {@link ScoreBatch}, so a poll's
     * chunks of hundreds of streams cost a few model calls.
     *
     * @return one result per chunk, in the chunks' order
     */
    public List<ChunkResult> acceptAll(List<AudioInput> chunks) {
        ChunkResult[] results = new ChunkResult[chunks.size()];
        for (List<Integer> round : rounds(chunks)) {
            ScoreBatch batch = new ScoreBatch();
            List<Begun> begun = new ArrayList<>(round.size());
            for (int index : round) {
                begun.add(begin(chunks.get(index), batch));
            }
            batch.run();
            for (int i = 0; i < round.size(); i++) {
                results[round.get(i)] = finish(begun.get(i));
            }
        }
        return List.of(results);
    }

    /** Indexes of {@code chunks} by round: round r holds each stream's (r+1)-th chunk, in the chunks' order. */
    private static List<List<Integer>> rounds(List<AudioInput> chunks) {
        List<List<Integer>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            int round = seen.merge(chunks.get(i).streamId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    private Begun begin(AudioInput chunk, ScoreBatch batch) {
        while (true) {
            StreamState state = streams.computeIfAbsent(chunk.streamId(), id -> new StreamState());
            synchronized (state) {
                // The idle sweep may have dropped this state while we waited for its lock.
                if (streams.get(chunk.streamId()) == state) {
                    return begin(chunk, state, batch);
                }
            }
        }
    }

    /** Sequence checks and the detector's half of the chunk; a duplicate is done here. */
    private Begun begin(AudioInput chunk, StreamState state, ScoreBatch batch) {
        state.lastSeen = clock.instant();
        ResetReason reset = null;
        List<StreamEvent> events = new ArrayList<>(0);
        if (state.session == null) {
            reset = chunk.seq() == 0 && chunk.firstSample() == 0 ? null : ResetReason.JOINED_MID_STREAM;
        } else if (chunk.seq() < state.expectedSeq) {
            if (!isRestart(chunk, state.recent.recall(chunk))) {
                return new Begun(chunk, state, null, null, null, List.of());
            }
            reset = ResetReason.RESTARTED;
            state.recent = new RecentChunks();
        } else if (chunk.seq() > state.expectedSeq) {
            reset = ResetReason.SEQUENCE_GAP;
        } else if (chunk.firstSample() != state.session.nextSample()) {
            reset = ResetReason.SAMPLE_DISCONTINUITY;
        }
        Detector detector = detectors.detectorFor(chunk.streamId());
        if (state.session == null || reset != null) {
            if (state.session != null) {
                state.session.close(SegmentEndReason.STREAM_RESET).ifPresent(events::add);
            }
            state.session = new StreamSession(chunk.streamId(), detector, settings, chunk.firstSample());
        } else if (state.session.detector() != detector) {
            state.session.switchDetector(detector);
        }
        return new Begun(chunk, state, reset, state.session, state.session.prepare(chunk.samples(), batch), events);
    }

    /** The policy's half of the chunk, once its batch has run. */
    private ChunkResult finish(Begun begun) {
        if (begun.prepared() == null) {
            return new ChunkResult(ChunkOutcome.DUPLICATE, null, List.of());
        }
        AudioInput chunk = begun.chunk();
        StreamState state = begun.state();
        synchronized (state) {
            List<StreamEvent> events = begun.events();
            events.addAll(begun.session().complete(begun.prepared()));
            state.recent.remember(chunk);
            state.expectedSeq = chunk.seq() + 1;
            if (chunk.endOfStream()) {
                begun.session().close(SegmentEndReason.END_OF_STREAM).ifPresent(events::add);
                streams.remove(chunk.streamId(), state);
            }
            ChunkOutcome outcome = begun.reset() == null ? ChunkOutcome.PROCESSED : ChunkOutcome.PROCESSED_AFTER_RESET;
            return new ChunkResult(outcome, begun.reset(), events);
        }
    }

    /**
     * An earlier seq than expected is a restart when other audio was processed under it, or, once its
     * seq is forgotten, when it starts a stream: a redelivery that late does not happen.
     */
    private static boolean isRestart(AudioInput chunk, RecentChunks.Recall recall) {
        return switch (recall) {
            case SAME_AUDIO -> false;
            case OTHER_AUDIO -> true;
            case FORGOTTEN -> chunk.seq() == 0 && chunk.firstSample() == 0;
        };
    }

    /** Frees streams idle for longer than {@code idleTimeout}. */
    public DroppedStreams expireIdle(Duration idleTimeout) {
        Instant cutoff = clock.instant().minus(idleTimeout);
        return dropWhere((id, state) -> state.lastSeen.isBefore(cutoff));
    }

    /** Frees the streams the predicate selects (a revoked partition's). */
    public DroppedStreams drop(Predicate<String> streamIds) {
        return dropWhere((id, state) -> streamIds.test(id));
    }

    public int activeStreams() {
        return streams.size();
    }

    private DroppedStreams dropWhere(BiPredicate<String, StreamState> selected) {
        List<String> dropped = new ArrayList<>();
        List<StreamEvent> closed = new ArrayList<>();
        for (Map.Entry<String, StreamState> entry : streams.entrySet()) {
            StreamState state = entry.getValue();
            synchronized (state) {
                if (selected.test(entry.getKey(), state) && streams.remove(entry.getKey(), state)) {
                    dropped.add(entry.getKey());
                    if (state.session != null) {
                        state.session.close(SegmentEndReason.STREAM_RESET).ifPresent(closed::add);
                    }
                }
            }
        }
        return new DroppedStreams(dropped, closed);
    }

    /** A chunk between {@link #begin} and {@link #finish}; {@code prepared} is null for a duplicate. */
    private record Begun(AudioInput chunk, StreamState state, ResetReason reset, StreamSession session,
                         StreamSession.Prepared prepared, List<StreamEvent> events) {
    }

    private static final class StreamState {
        private StreamSession session;
        private long expectedSeq;
        private RecentChunks recent = new RecentChunks();
        private Instant lastSeen;
    }
}
