package io.wakestream.cli;

import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.asr.core.SegmentRecognizerConfig;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.ftm.core.Decision;
import io.wakestream.ftm.core.FtmConfig;
import io.wakestream.ftm.core.Stage;
import io.wakestream.ftm.core.TriggerDecider;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.core.KeywordVerifierConfig;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.SessionSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "The whole cascade offline, no Kafka: each WAV file as one stream through wake-word detection and"
                + " segment capture, keyword verification, the lattice decoder, the lattice GNN and the decision policy,"
                + " as the four services run them. One JSON line per file: {\"file\", \"duration_ms\", \"decisions\":"
                + " [{\"detection_id\", \"keyword\", \"accepted\", \"degraded\", \"score\", \"stage_scores\": {\"wakeword\","
                + " \"kws\", \"ftm\"}, \"reasons\", \"start_ms\", \"end_ms\"}]}.")
public class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--model", defaultValue = "wakeword-hey-jarvis",
            description = "Wake-word model name under the models directory (default: ${DEFAULT-VALUE}); --model-version picks its version.")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--threshold", description = "Wake-word threshold (default: the cascade's, the GNN manifest's"
            + " detection_threshold, as wakeword-service runs in front of the later stages).")
    Float threshold;

    @Option(names = "--ftm-model", defaultValue = FtmConfig.DEFAULT_MODEL,
            description = "Lattice GNN model name, whose manifest holds the decision policy (default: ${DEFAULT-VALUE}).")
    String ftmModel;

    @Option(names = "--ftm-version", defaultValue = "", description = "Lattice GNN version (default: the newest).")
    String ftmVersion;

    @Option(names = "--with-lattices", description = "Add each decision's detection window in samples, verification and"
            + " lattice (the events' fields), as the training toolkit collects them.")
    boolean withLattices;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        int failures = 0;
        try (OnnxEngine onnx = models.engine();
             Detector detector = Detectors.open(models.repository(), model, models.modelVersion, onnx);
             KeywordVerifier verifier = KeywordVerifier.open(models.repository(), KeywordVerifierConfig.defaults(), onnx);
             SegmentRecognizer recognizer = SegmentRecognizer.open(models.repository(), SegmentRecognizerConfig.defaults(), onnx);
             TriggerDecider decider = TriggerDecider.open(models.repository(), FtmConfig.defaults().withModel(ftmModel, ftmVersion), onnx)) {
            SessionSettings settings = SessionSettings.defaults()
                    .withThreshold(threshold != null ? threshold : decider.detectionThreshold());
            OfflineCascade cascade = new OfflineCascade(detector, settings, verifier, recognizer, decider);
            for (Path file : files) {
                try {
                    AudioSource.Clip clip = AudioSource.readWav(file.toString(), System.in);
                    short[] pcm = Pcm16.toShorts(clip.samples());
                    System.out.println(toJson(file, pcm.length, cascade.run(pcm)));
                } catch (UserError e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private String toJson(Path file, int samples, List<OfflineCascade.Result> results) {
        ObjectNode line = JSON.createObjectNode().put("file", file.toString()).put("duration_ms", millis(samples));
        ArrayNode decisions = line.putArray("decisions");
        for (OfflineCascade.Result result : results) {
            Decision decision = result.decision();
            ObjectNode node = decisions.addObject()
                    .put("detection_id", result.detection().getDetectionId())
                    .put("keyword", result.detection().getKeyword())
                    .put("accepted", decision.accepted())
                    .put("degraded", decision.degraded())
                    .put("score", decision.score());
            ObjectNode stages = node.putObject("stage_scores");
            for (Map.Entry<Stage, Float> score : decision.stageScores().entrySet()) {
                stages.put(score.getKey().label(), score.getValue());
            }
            decision.reasons().forEach(node.putArray("reasons")::add);
            node.put("start_ms", millis(result.detection().getStartSample())).put("end_ms", millis(result.detection().getEndSample()));
            if (withLattices) {
                node.put("start_sample", result.detection().getStartSample()).put("end_sample", result.detection().getEndSample())
                        .put("verification_accepted", result.verification().getAccepted())
                        .set("lattice", lattice(result.lattice()));
            }
        }
        return line.toString();
    }

    private static ObjectNode lattice(Lattice lattice) {
        ObjectNode node = JSON.createObjectNode().put("nodes", lattice.getNodes()).put("frame_ms", lattice.getFrameMs())
                .put("one_best", lattice.getOneBest()).put("truncated", lattice.getTruncated());
        ArrayNode arcs = node.putArray("arcs");
        for (LatticeArc arc : lattice.getArcsList()) {
            arcs.addObject().put("from", arc.getFrom()).put("to", arc.getTo()).put("word", arc.getWord())
                    .put("start_frame", arc.getStartFrame()).put("end_frame", arc.getEndFrame())
                    .put("am_cost", arc.getAmCost()).put("lm_cost", arc.getLmCost()).put("posterior", arc.getPosterior());
        }
        return node;
    }

    private static long millis(long samples) {
        return samples * 1000 / SessionSettings.SAMPLE_RATE;
    }
}
