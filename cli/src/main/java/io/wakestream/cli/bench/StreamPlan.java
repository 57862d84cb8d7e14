package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each stream of one load step sends: its id, its loop and where in the loop it starts. Streams with the wake
 * phrase start at phases spread evenly over the loop, so the phrases of different streams come at different times.
 */
public final class StreamPlan {

    /**
     * One stream.
     *
     * @param id          the stream id (the record key)
     * @param loop        the audio it repeats
     * @param phaseChunks the loop chunk its first chunk is
     * @param enrolled    whether {@link BenchAudio#ENROLLED_PHRASE} is enrolled for the stream (its loop says it)
     */
    public record Stream(String id, BenchAudio.Loop loop, int phaseChunks, boolean enrolled) {
    }

    private final List<Stream> streams;
    private final Map<String, Integer> indexById;
    private final int chunksPerStream;
    private final int chunkSamples;

    private StreamPlan(List<Stream> streams, int chunksPerStream, int chunkSamples) {
        this.streams = streams;
        this.indexById = new HashMap<>();
        for (int i = 0; i < streams.size(); i++) {
            indexById.put(streams.get(i).id(), i);
        }
        this.chunksPerStream = chunksPerStream;
        this.chunkSamples = chunkSamples;
    }

    /**
     * @param idPrefix        stream ids are this prefix and the stream's number
     * @param streams         how many streams
     * @param wakeShare       the share of streams (0 to 1) that carry the wake phrase, spread over the stream numbers
     * @param enrolledShare   the share of streams (0 to 1) with an enrolled phrase instead, spread the same way; they
     *                        say that phrase, and the wake share applies to the others
     * @param chunksPerStream chunks each stream sends
     */
    public static StreamPlan of(BenchAudio audio, String idPrefix, int streams, double wakeShare, double enrolledShare,
                                int chunksPerStream) {
        List<Stream> plan = new ArrayList<>(streams);
        int loopChunks = audio.quietLoop().chunks().size();
        int wakeStreams = 0;
        for (int i = 0; i < streams; i++) {
            boolean enrolled = spreads(i, enrolledShare);
            boolean wake = !enrolled && spreads(i, wakeShare);
            BenchAudio.Loop loop = enrolled ? audio.enrolledLoop() : wake ? audio.wakeLoop(wakeStreams++) : audio.quietLoop();
            plan.add(new Stream(idPrefix + i, loop, (int) ((long) i * loopChunks / streams), enrolled));
        }
        return new StreamPlan(List.copyOf(plan), chunksPerStream, audio.chunkSamples());
    }

    /** Whether stream {@code i} is among a {@code share} of streams spread evenly over the stream numbers. */
    private static boolean spreads(int i, double share) {
        return Math.floor((i + 1) * share) > Math.floor(i * share);
    }

    public List<Stream> streams() {
        return streams;
    }

    /** The stream's number, or -1 for a stream this plan does not send. */
    public int indexOf(String streamId) {
        return indexById.getOrDefault(streamId, -1);
    }

    public int chunksPerStream() {
        return chunksPerStream;
    }

    public int chunkSamples() {
        return chunkSamples;
    }

    /** Where stream {@code index}'s wake phrases are, in stream samples, in order; empty for a quiet stream. */
    public List<PhraseWindow> phrases(int index) {
        Stream stream = streams.get(index);
        if (!stream.loop().hasPhrase()) {
            return List.of();
        }
        long loopSamples = (long) stream.loop().chunks().size() * chunkSamples;
        long streamSamples = (long) chunksPerStream * chunkSamples;
        List<PhraseWindow> windows = new ArrayList<>();
        // the loop (and its phrase) starts anew every loopSamples; the stream entered it phaseChunks in
        // (a stream that entered mid-phrase has its rest first: not counted as inserted, not a false detection either)
        long firstStart = -(long) stream.phaseChunks() * chunkSamples;
        for (long start = firstStart; start < streamSamples; start += loopSamples) {
            long end = start + stream.loop().phraseEnd();
            if (end + BenchAudio.DETECTION_TOLERANCE_SAMPLES > 0) {
                windows.add(new PhraseWindow(start, end + BenchAudio.DETECTION_TOLERANCE_SAMPLES,
                        start >= 0 && end <= streamSamples));
            }
        }
        return windows;
    }
}
