package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticStream;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorScore;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.TriggerSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A wake phrase without a trained model, spotted in the shared phonetic encoder's outputs by {@link PhraseSearch}:
 * one score per 20 ms encoder output, the confidence exp(S) of the best match ending there, at the output's end
 * sample. Scores come as the encoder emits them, which is its look-ahead (290 ms) plus up to
 * {@link PhoneticEncoder#outputsPerCall()} outputs after their audio: a score's end sample may lie before the chunk
 * that produced it. The window ({@link #windowSamples()}) is the longest match, so trigger audio holds the phrase.
 * Shared by all streams with the phrase; thread-safe (the encoder is, and state lives in the streams).
 */
public final class OpenVocabularyDetector implements Detector {

    /** Prefix of the model id in events: {@code open-vocabulary/phonetic-encoder-1.0.0}. */
    public static final String MODEL_PREFIX = "open-vocabulary/";

    private final PhoneticEncoder encoder;
    private final PhrasePhones phrase;
    private final OpenVocabularySettings settings;
    private final int frameSamples;

    public OpenVocabularyDetector(PhoneticEncoder encoder, PhrasePhones phrase, OpenVocabularySettings settings) {
        this.encoder = encoder;
        this.phrase = phrase;
        this.settings = settings;
        this.frameSamples = encoder.spec().outputFrameMs() * 16;
    }

    /** The model id an open-vocabulary detector on {@code encoder} reports. */
    public static String modelId(PhoneticEncoder encoder) {
        return MODEL_PREFIX + encoder.modelId().replace('/', '-');
    }

    public PhrasePhones phrase() {
        return phrase;
    }

    @Override
    public String keyword() {
        return phrase.phrase();
    }

    @Override
    public String modelId() {
        return modelId(encoder);
    }

    @Override
    public int windowSamples() {
        return settings.search().maxFrames(phrase.maxLength()) * frameSamples;
    }

    /** Scores are of matches, not of windows padded with silence: they may fire from the stream's start. */
    @Override
    public int warmUpSamples() {
        return 0;
    }

    @Override
    public TriggerSettings triggerSettings() {
        return settings.trigger();
    }

    /**
     * The open-vocabulary settings' own: the session's overrides are the trained model's (a cascade lowers its
     * threshold to 0.3, far below what a phrase search needs).
     */
    @Override
    public TriggerSettings triggerSettings(SessionSettings ignored) {
        return settings.trigger();
    }

    /** A new search of this phrase, for outputs of an encoder stream the caller runs (several phrases, one encoder). */
    public PhraseSearch newSearch() {
        return new PhraseSearch(phrase, settings.search());
    }

    /** The matches as scores: end sample of the match's last output, confidence exp(S). */
    public List<DetectorScore> toScores(List<PhraseMatch> matches) {
        List<DetectorScore> scores = new ArrayList<>(matches.size());
        for (PhraseMatch match : matches) {
            scores.add(new DetectorScore(match.endFrame() * frameSamples, match.confidence()));
        }
        return scores;
    }

    @Override
    public DetectorStream openStream() {
        PhoneticStream stream = encoder.newStream();
        PhraseSearch search = newSearch();
        return (samples, offset, length) -> {
            EncoderFrames frames = stream.acceptSamples(samples, offset, length);
            return toScores(search.accept(frames));
        };
    }

    /** The encoder is shared and closed by its owner. */
    @Override
    public void close() {
    }
}
