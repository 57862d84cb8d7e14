package io.wakestream.wakeword.core;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.wakeword.core.openwakeword.OpenWakeWordDetector;
import io.wakestream.wakeword.core.repcnn.RepCnnDetector;

/** Opens the detector a wake-word model's manifest describes, chosen by its frontend type. */
public final class Detectors {

    private Detectors() {
    }

    /** Loads {@code name} at {@code version} (blank: the newest) from the repository. */
    public static Detector open(ModelRepository models, String name, String version, OnnxEngine engine) {
        LoadedModel model = version == null || version.isBlank()
                ? models.loadLatest(name) : models.load(name, version);
        return open(model, engine);
    }

    public static Detector open(LoadedModel model, OnnxEngine engine) {
        String frontend = model.manifest().frontend() == null ? "" : model.manifest().frontend().type();
        return switch (frontend) {
            case OpenWakeWordDetector.FRONTEND_TYPE -> OpenWakeWordDetector.load(model, engine);
            case RepCnnDetector.FRONTEND_TYPE -> RepCnnDetector.load(model, engine);
            default -> throw new IllegalArgumentException("model " + model.id() + " has frontend type '"
                    + frontend + "'; no wake-word detector runs it (known: " + OpenWakeWordDetector.FRONTEND_TYPE
                    + ", " + RepCnnDetector.FRONTEND_TYPE + ")");
        };
    }
}
