package io.wakestream.cli;

import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.wakeword.core.ClipDetector;
import io.wakestream.wakeword.core.ClipResult;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.SessionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Offline wake-word detection, no Kafka: one JSON line per WAV file on standard output, with "
                + "the model's threshold, smoothing and refractory period as the service runs them.")
public class DetectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--model", defaultValue = "wakeword-hey-jarvis",
            description = "Wake-word model name under the models directory (default: ${DEFAULT-VALUE}; "
                    + "openwakeword/hey_jarvis is the baseline).")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--threshold", description = "Override the model's threshold.")
    Float threshold;

    @Option(names = "--scores", description = "Add every hop's score as [end_ms, score] pairs. Scores (and max_score) "
            + "are smoothed as the service smooths them, the mean over the model's smoothing windows: the numbers "
            + "the threshold is compared with.")
    boolean scores;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        SessionSettings settings = SessionSettings.defaults().withThreshold(threshold);
        int failures = 0;
        try (OnnxEngine onnx = models.engine();
             Detector detector = Detectors.open(models.repository(), model, models.modelVersion, onnx)) {
            ClipDetector clips = new ClipDetector(detector, settings);
            for (Path file : files) {
                try {
                    AudioSource.Clip clip = AudioSource.readWav(file.toString(), System.in);
                    System.out.println(toJson(file, clip, clips.detect(clip.samples())));
                } catch (UserError e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private String toJson(Path file, AudioSource.Clip clip, ClipResult result) {
        ObjectNode line = JSON.createObjectNode()
                .put("file", file.toString())
                .put("duration_ms", millis(result.samples()))
                .put("non_finite_samples", clip.nonFiniteSamples())
                .put("model", result.model())
                .put("threshold", result.threshold())
                .put("max_score", result.maxScore());
        ArrayNode detections = line.putArray("detections");
        for (ClipResult.Firing firing : result.firings()) {
            detections.addObject()
                    .put("keyword", firing.keyword())
                    .put("score", firing.score())
                    .put("start_ms", millis(firing.startSample()))
                    .put("end_ms", millis(firing.endSample()));
        }
        if (scores) {
            ArrayNode all = line.putArray("scores");
            result.scores().forEach(s -> all.addArray().add(millis(s.endSample())).add(s.score()));
        }
        return line.toString();
    }

    private static long millis(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / SessionSettings.SAMPLE_RATE).toMillis();
    }
}
