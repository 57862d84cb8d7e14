package io.wakestream.wakeword.core;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticStream;
import io.wakestream.wakeword.core.openvocab.OpenVocabularyDetector;
import io.wakestream.wakeword.core.openvocab.PhraseSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline open-vocabulary detection of several phrases in one clip: the phonetic encoder runs once over the clip,
 * in blocks, and every phrase is searched in its outputs with the trigger policy the service runs, so
 * {@code wakestream detect --phrase} reports what a stream with that phrase enrolled would emit. As
 * {@link ClipDetector}, the clip is first brought to 16-bit PCM; unlike a live stream, its end is flushed through
 * the encoder's look-ahead, so a phrase at the very end is scored too.
 */
public final class PhraseClipSpotter {

    /** Samples encoded per call: 20 s, about one model call, so a long file is never held twice. */
    static final int BLOCK_SAMPLES = 20 * SessionSettings.SAMPLE_RATE;

    private final PhoneticEncoder encoder;
    private final List<OpenVocabularyDetector> detectors;
    private final SessionSettings settings;

    /** @param detectors one per phrase, all on {@code encoder} */
    public PhraseClipSpotter(PhoneticEncoder encoder, List<OpenVocabularyDetector> detectors, SessionSettings settings) {
        this.encoder = encoder;
        this.detectors = List.copyOf(detectors);
        this.settings = settings;
    }

    /**
     * Spots every phrase in {@code samples} (16 kHz, full scale ±1).
     *
     * @param keepScores whether each result keeps every smoothed score (50 a second per phrase)
     * @return one result per detector, in order
     */
    public List<ClipResult> detect(float[] samples, boolean keepScores) {
        List<PhraseRun> runs = detectors.stream().map(d -> new PhraseRun(d, keepScores)).toList();
        PhoneticStream stream = encoder.newStream();
        float[] block = new float[BLOCK_SAMPLES];
        for (int from = 0; from < samples.length; from += BLOCK_SAMPLES) {
            int length = Math.min(BLOCK_SAMPLES, samples.length - from);
            for (int i = 0; i < length; i++) {
                block[i] = Pcm16.toFloat(Pcm16.toShort(samples[from + i]));
            }
            EncoderFrames frames = stream.acceptSamples(block, 0, length);
            runs.forEach(run -> run.accept(frames));
        }
        EncoderFrames last = stream.finish();
        runs.forEach(run -> run.accept(last));
        return runs.stream().map(run -> run.result(samples.length)).toList();
    }

    private final class PhraseRun {
        private final OpenVocabularyDetector detector;
        private final PhraseSearch search;
        private final TriggerPolicy policy;
        private final List<DetectorScore> scores;
        private final List<ClipResult.Firing> firings = new ArrayList<>();
        private float maxScore;

        PhraseRun(OpenVocabularyDetector detector, boolean keepScores) {
            this.detector = detector;
            this.search = detector.newSearch();
            this.policy = TriggerPolicy.of(detector, settings, 0);
            this.scores = keepScores ? new ArrayList<>() : null;
        }

        void accept(EncoderFrames frames) {
            for (DetectorScore score : detector.toScores(search.accept(frames))) {
                TriggerPolicy.Step step = policy.offer(score);
                DetectorScore smoothed = step.smoothed();
                maxScore = Math.max(maxScore, smoothed.score());
                if (scores != null) {
                    scores.add(smoothed);
                }
                if (step.fires()) {
                    firings.add(new ClipResult.Firing(detector.keyword(), smoothed.score(),
                            Math.max(0, smoothed.endSample() - detector.windowSamples()), smoothed.endSample()));
                }
            }
        }

        ClipResult result(long samples) {
            return new ClipResult(detector.modelId(), policy.settings(), samples, maxScore, firings,
                    scores == null ? List.of() : scores);
        }
    }
}
