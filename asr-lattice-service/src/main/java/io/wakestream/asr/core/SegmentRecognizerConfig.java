package io.wakestream.asr.core;

import io.wakestream.common.phonetic.PhoneticEncoderConfig;

/**
 * Settings of a {@link SegmentRecognizer}.
 *
 * @param encoder           the phonetic encoder (name, version, outputs per call)
 * @param lmModel           the language model's name under the models directory (its directory also holds the
 *                          decoding lexicon)
 * @param lmVersion         its version; blank or null takes the newest
 * @param decoder           the lattice decoder's beams and weights
 * @param maxSegmentSamples a longer segment is cut to its first this many samples (16 kHz) before decoding, and
 *                          the result says so ({@link Recognition#truncated()})
 */
public record SegmentRecognizerConfig(PhoneticEncoderConfig encoder, String lmModel, String lmVersion,
                                      LatticeDecoderConfig decoder, int maxSegmentSamples) {

    /** 20 s at 16 kHz. */
    public static final int DEFAULT_MAX_SEGMENT_SAMPLES = 320_000;

    public SegmentRecognizerConfig {
        if (encoder == null || decoder == null) {
            throw new IllegalArgumentException("encoder and decoder settings are required");
        }
        if (lmModel == null || lmModel.isBlank()) {
            throw new IllegalArgumentException("lmModel must name a language model");
        }
        if (maxSegmentSamples < 1) {
            throw new IllegalArgumentException("maxSegmentSamples must be positive, got " + maxSegmentSamples);
        }
        lmVersion = lmVersion == null ? "" : lmVersion;
    }

    public static SegmentRecognizerConfig defaults() {
        return new SegmentRecognizerConfig(PhoneticEncoderConfig.defaults(), LanguageModelBundle.DEFAULT_MODEL, "",
                LatticeDecoderConfig.defaults(), DEFAULT_MAX_SEGMENT_SAMPLES);
    }

    public SegmentRecognizerConfig withEncoder(String model, String version) {
        return new SegmentRecognizerConfig(encoder.withModel(model, version), lmModel, lmVersion, decoder, maxSegmentSamples);
    }

    public SegmentRecognizerConfig withLanguageModel(String model, String version) {
        return new SegmentRecognizerConfig(encoder, model, version, decoder, maxSegmentSamples);
    }

    public SegmentRecognizerConfig withDecoder(LatticeDecoderConfig value) {
        return new SegmentRecognizerConfig(encoder, lmModel, lmVersion, value, maxSegmentSamples);
    }

    public SegmentRecognizerConfig withMaxSegmentSamples(int value) {
        return new SegmentRecognizerConfig(encoder, lmModel, lmVersion, decoder, value);
    }
}
