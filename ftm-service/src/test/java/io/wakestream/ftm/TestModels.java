package io.wakestream.ftm;

import java.nio.file.Path;

/**
 * The models directory of this module's tests: the tiny lattice GNN ftm-lattice-gnn/{@value #GNN_VERSION}, made by
 * src/test/python/make_tiny_gnn.py (random weights, a policy that weighs every stage 1 with threshold 0.5).
 */
public final class TestModels {

    public static final String GNN_VERSION = "0.0.0-tiny";

    private TestModels() {
    }

    public static Path directory() {
        return Path.of("src/test/resources/models").toAbsolutePath();
    }
}
