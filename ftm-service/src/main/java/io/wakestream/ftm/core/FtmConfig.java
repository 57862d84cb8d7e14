package io.wakestream.ftm.core;

/**
 * Which lattice GNN (and with it, the decision policy in its manifest) {@link TriggerDecider} loads.
 *
 * @param model   model name under the models directory
 * @param version its version; empty for the newest
 */
public record FtmConfig(String model, String version) {

    /** The shipped model: the GCN variant of the lattice GNN. */
    public static final String DEFAULT_MODEL = "ftm-lattice-gnn";

    public FtmConfig {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the FTM model name must not be blank");
        }
        version = version == null ? "" : version;
    }

    public static FtmConfig defaults() {
        return new FtmConfig(DEFAULT_MODEL, "");
    }

    public FtmConfig withModel(String name, String modelVersion) {
        return new FtmConfig(name, modelVersion);
    }
}
