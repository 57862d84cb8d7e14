package io.wakestream.kws.core;

import io.wakestream.common.phonetic.G2p;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;

/**
 * Which verifier to load, and with it which G2P model pronounces phrases. The phonetic encoder is the one the
 * verifier's manifest names ({@code architecture.encoder}).
 *
 * @param model      verifier model name under the models directory
 * @param version    its version; empty for the newest
 * @param g2pModel   the G2P model (with its lexicon) that turns phrases into phones
 * @param g2pVersion its version; empty for the newest
 * @param threshold  overrides the manifest's {@code thresholds.verification} when not null
 */
public record KeywordVerifierConfig(String model, String version, String g2pModel, String g2pVersion, Double threshold) {

    public static final String DEFAULT_MODEL = "kws-verifier";

    public KeywordVerifierConfig {
        if (model == null || model.isBlank() || g2pModel == null || g2pModel.isBlank()) {
            throw new IllegalArgumentException("the verifier and G2P model names must be set");
        }
        version = version == null ? "" : version;
        g2pVersion = g2pVersion == null ? "" : g2pVersion;
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    /** The newest {@value #DEFAULT_MODEL} and newest G2P model, the manifest's threshold. */
    public static KeywordVerifierConfig defaults() {
        return new KeywordVerifierConfig(DEFAULT_MODEL, "", G2p.MODEL_NAME, "", null);
    }

    public KeywordVerifierConfig withModel(String newModel, String newVersion) {
        return new KeywordVerifierConfig(newModel, newVersion, g2pModel, g2pVersion, threshold);
    }

    public KeywordVerifierConfig withThreshold(Double newThreshold) {
        return new KeywordVerifierConfig(model, version, g2pModel, g2pVersion, newThreshold);
    }

    /** Outputs per encoder call: a verification encodes a whole clip at once, so this only bounds one call's size. */
    static int encoderOutputsPerCall() {
        return PhoneticEncoderConfig.DEFAULT_OUTPUTS_PER_CALL;
    }
}
