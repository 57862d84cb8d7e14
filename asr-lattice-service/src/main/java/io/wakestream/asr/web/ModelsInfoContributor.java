package io.wakestream.asr.web;

import io.wakestream.asr.core.LatticeDecoderConfig;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.ModelInventory;
import io.wakestream.common.onnx.OnnxEngine;
import java.util.LinkedHashMap;
import java.util.List;
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
        List<Map<String, Object>> loaded = ModelInventory.loaded(models);
        List<Map<String, Object>> sessions = ModelInventory.sessions(onnx);
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
}
