package io.wakestream.cli;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.core.KeywordVerifierConfig;
import io.wakestream.kws.core.PhoneAlignment;
import io.wakestream.kws.core.Verification;
import java.nio.file.Path;
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

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Offline keyword verification, no Kafka: does each WAV file say the phrase? One JSON line per file on "
                + "standard output, {\"file\", \"phrase\", \"phones\", \"score\", \"accepted\", \"segments\": [{\"unit\", "
                + "\"start_ms\", \"end_ms\"}]} (plus \"reason\": \"too_short\" when the clip is shorter than the phrase's"
                + " phones), as kws-service verifies a detection's trigger audio.")
public class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--phrase", required = true, description = "The phrase to verify, e.g. \"hey jarvis\".")
    String phrase;

    @Option(names = "--model", defaultValue = KeywordVerifierConfig.DEFAULT_MODEL,
            description = "Verifier model name under the models directory (default: ${DEFAULT-VALUE}); its manifest names"
                    + " the phonetic encoder.")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--threshold", description = "Override the verifier's threshold (thresholds.verification).")
    Double threshold;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        KeywordVerifierConfig config = KeywordVerifierConfig.defaults().withModel(model, models.modelVersion)
                .withThreshold(threshold);
        int failures = 0;
        try (OnnxEngine onnx = models.engine();
             KeywordVerifier verifier = KeywordVerifier.open(models.repository(), config, onnx)) {
            PhrasePronunciation pronunciation = verifier.pronounce(phrase);
            if (pronunciation.phones().isEmpty()) {
                throw new UserError("\"" + phrase + "\" has no words to verify; give a phrase of letters a-z or digits");
            }
            for (Path file : files) {
                try {
                    AudioSource.Clip clip = AudioSource.readWav(file.toString(), System.in);
                    // As 16-bit PCM, the form a detection's trigger audio has: the service gives the same verdict.
                    System.out.println(toJson(file, verifier.verify(Pcm16.toBytes(clip.samples()), pronunciation)));
                } catch (UserError e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static String toJson(Path file, Verification verification) {
        ObjectNode line = JSON.createObjectNode()
                .put("file", file.toString())
                .put("phrase", verification.phrase())
                .put("phones", String.join(" ", verification.phones()))
                .put("score", verification.score())
                .put("accepted", verification.accepted());
        ArrayNode segments = line.putArray("segments");
        for (PhoneAlignment segment : verification.segments()) {
            segments.addObject().put("unit", segment.unit()).put("start_ms", segment.startMs()).put("end_ms", segment.endMs());
        }
        if (verification.reason() != null) {
            line.put("reason", verification.reason());
        }
        return line.toString();
    }
}
