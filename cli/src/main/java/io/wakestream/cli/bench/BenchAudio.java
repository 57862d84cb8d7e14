package io.wakestream.cli.bench;

import com.google.protobuf.ByteString;
import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.events.AudioChunks;
import io.wakestream.events.v1.AudioChunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The audio the load streams send, built once from the bundled samples and encoded once into chunk-sized PCM: loops of
 * {@code loopSamples} that streams repeat. A wake loop starts with a clip that says the wake phrase (streams alternate
 * between "Hey Jarvis, set a timer for ten minutes." in espeak-ng's voice and "Hey Jarvis, what's the weather like
 * tomorrow?" in flite's rms, which the stricter models may miss) and is filled up with background speech
 * without the phrase ("Please turn on the kitchen lights and play some music.") and silence; the quiet loop holds only
 * background speech and silence. The enrolled loop starts with "Hey Nova, turn on the lights." instead: the phrase a
 * stream with an enrolled phrase ({@link #ENROLLED_PHRASE}, no trained model) is spotted for.
 */
public final class BenchAudio {

    static final String[] WAKE_CLIPS = {"hey-jarvis-timer.wav", "hey-jarvis-weather.wav"};
    static final String BACKGROUND_CLIP = "kitchen-lights.wav";
    static final String ENROLLED_CLIP = "hey-nova-lights.wav";
    /** The phrase enrolled for the streams that say {@link #ENROLLED_CLIP}. */
    public static final String ENROLLED_PHRASE = "hey nova";
    /** Silence between two clips of a loop: 0.5 s at 16 kHz. */
    static final int GAP_SAMPLES = AudioChunks.SAMPLE_RATE / 2;
    /** How long after an inserted clip's end a detection of it may still end: 0.5 s at 16 kHz. */
    static final int DETECTION_TOLERANCE_SAMPLES = AudioChunks.SAMPLE_RATE / 2;

    /**
     * One loop, as the PCM of its chunks.
     *
     * @param chunks      each chunk's PCM (16-bit little-endian, 16 kHz mono), shared by every stream that sends it
     * @param phraseEnd   samples from the loop's start to the end of its wake clip (which starts the loop); 0 for the
     *                    quiet loop
     */
    public record Loop(List<ByteString> chunks, int phraseEnd) {

        public boolean hasPhrase() {
            return phraseEnd > 0;
        }
    }

    private final List<Loop> wakeLoops;
    private final Loop enrolledLoop;
    private final Loop quietLoop;
    private final int chunkSamples;

    private BenchAudio(List<Loop> wakeLoops, Loop enrolledLoop, Loop quietLoop, int chunkSamples) {
        this.wakeLoops = wakeLoops;
        this.enrolledLoop = enrolledLoop;
        this.quietLoop = quietLoop;
        this.chunkSamples = chunkSamples;
    }

    /**
     * Builds the loops from the bundled samples.
     *
     * @param chunkSamples samples per chunk (16 kHz)
     * @param loopChunks   chunks per loop: the wake phrase comes once per loop
     * @throws IllegalArgumentException if a loop is too short for its wake clip and a gap of silence
     * @throws IOException              if a bundled sample cannot be read
     */
    public static BenchAudio load(int chunkSamples, int loopChunks) throws IOException {
        int loopSamples = chunkSamples * loopChunks;
        float[] background = sample(BACKGROUND_CLIP);
        Loop[] wake = new Loop[WAKE_CLIPS.length];
        for (int i = 0; i < WAKE_CLIPS.length; i++) {
            wake[i] = phraseLoop(WAKE_CLIPS[i], background, loopSamples, chunkSamples);
        }
        float[] quiet = new float[loopSamples];
        fill(quiet, GAP_SAMPLES, background);
        return new BenchAudio(List.of(wake), phraseLoop(ENROLLED_CLIP, background, loopSamples, chunkSamples),
                new Loop(encode(quiet, chunkSamples), 0), chunkSamples);
    }

    /** A loop that starts with {@code file}'s clip, then background speech and silence. */
    private static Loop phraseLoop(String file, float[] background, int loopSamples, int chunkSamples) throws IOException {
        float[] clip = sample(file);
        if (clip.length + GAP_SAMPLES > loopSamples) {
            throw new IllegalArgumentException("the wake phrase comes every " + loopSamples * 1000L / AudioChunks.SAMPLE_RATE
                    + " ms, shorter than its clip " + file + " (" + clip.length * 1000L / AudioChunks.SAMPLE_RATE
                    + " ms) and 500 ms of silence");
        }
        float[] loop = new float[loopSamples];
        System.arraycopy(clip, 0, loop, 0, clip.length);
        fill(loop, clip.length + GAP_SAMPLES, background);
        return new Loop(encode(loop, chunkSamples), clip.length);
    }

    /** Repeats {@code clip} with a gap of silence after each from {@code from} to the end of {@code loop}. */
    private static void fill(float[] loop, int from, float[] clip) {
        for (int at = from; at < loop.length; at += clip.length + GAP_SAMPLES) {
            System.arraycopy(clip, 0, loop, at, Math.min(clip.length, loop.length - at));
        }
    }

    /** The loop's chunks as the project's chunker cuts them; only their PCM is kept, each stream sets its own fields. */
    private static List<ByteString> encode(float[] loop, int chunkSamples) {
        return AudioChunks.split("bench-loop", loop, chunkSamples).stream().map(AudioChunk::getPcm).toList();
    }

    private static float[] sample(String file) throws IOException {
        try (InputStream wav = BenchAudio.class.getResourceAsStream("/samples/" + file)) {
            if (wav == null) {
                throw new IOException("bundled sample " + file + " is missing from the class path");
            }
            return Mono16k.read(wav);
        }
    }

    /** The {@code index}th wake loop, taken round-robin so that streams alternate between the wake clips. */
    public Loop wakeLoop(int index) {
        return wakeLoops.get(index % wakeLoops.size());
    }

    /** The loop of the streams with an enrolled phrase: it says {@link #ENROLLED_PHRASE}. */
    public Loop enrolledLoop() {
        return enrolledLoop;
    }

    public Loop quietLoop() {
        return quietLoop;
    }

    public int chunkSamples() {
        return chunkSamples;
    }
}
