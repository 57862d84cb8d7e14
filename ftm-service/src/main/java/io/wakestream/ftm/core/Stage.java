package io.wakestream.ftm.core;

/** The cascade's stages as a decision names them in {@code StageScore.stage} and {@code missing_stages}. */
public enum Stage {
    /** wakeword-service's detection: its smoothed RepCNN score. */
    WAKEWORD("wakeword"),
    /** kws-service's verification of the trigger audio against the phrase's text. */
    KWS("kws"),
    /** The lattice GNN's probability that the device was addressed, over asr-lattice-service's lattice. */
    FTM("ftm");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name events, metrics and the policy's manifest use. */
    public String label() {
        return label;
    }

    /** The stage named {@code label}. @throws IllegalArgumentException for an unknown name */
    public static Stage of(String label) {
        for (Stage stage : values()) {
            if (stage.label.equals(label)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + label + "'; stages are wakeword, kws, ftm");
    }
}
