package io.wakestream.asr.web;

import io.wakestream.asr.core.LatticeDecoderConfig;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * /actuator/info lists the loaded ONNX models with their checksums, the sessions with their provider, and the
 * recognizer: encoder, language model, decoder settings, the segment cut.
 */
@Component
public class ModelsInfoContributor implements InfoContributor {

    private final ModelRepository models;
    private final OnnxEngine onnx;
    private final SegmentRecognizer recognizer;

    public ModelsInfoContributor(ModelRepository models, OnnxEngine onnx, SegmentRecognizer recognizer) {
        this.models = models;
        this.onnx = onnx;
        this.recognizer = recognizer;
    }

    @Override
    public void contribute(Info.Builder builder) {
        List<Map<String, Object>> loaded = models.loaded().stream().map(ModelsInfoContributor::describe).toList();
        List<Map<String, Object>> sessions = onnx.models().stream().map(ModelsInfoContributor::describe).toList();
        LatticeDecoderConfig decoder = recognizer.config().decoder();
        Map<String, Object> lattice = new LinkedHashMap<>();
        lattice.put("model", recognizer.modelId());
        lattice.put("encoder", recognizer.encoderId());
        lattice.put("lm", recognizer.languageModelId());
        lattice.put("lmDirectory", recognizer.languageModelDirectory().toString());
        lattice.put("lmWeight", decoder.lmWeight());
        lattice.put("wordInsertionPenalty", decoder.wordInsertionPenalty());
        lattice.put("beam", decoder.beam());
        lattice.put("maxActive", decoder.maxActive());
        lattice.put("latticeBeam", decoder.latticeBeam());
        lattice.put("maxSegmentSamples", recognizer.config().maxSegmentSamples());
        lattice.put("unpronouncedWords", recognizer.unpronounced().size());
        builder.withDetail("models", loaded).withDetail("onnxSessions", sessions).withDetail("lattice", lattice);
    }

    private static Map<String, Object> describe(LoadedModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", model.id());
        out.put("task", model.manifest().task());
        out.put("directory", model.directory().toString());
        out.put("sha256", model.manifest().file("model").sha256());
        return out;
    }

    private static Map<String, Object> describe(OnnxModel session) {
        return Map.of("id", session.id(), "provider", session.provider().name().toLowerCase(Locale.ROOT),
                "file", session.file().getFileName().toString());
    }
}
