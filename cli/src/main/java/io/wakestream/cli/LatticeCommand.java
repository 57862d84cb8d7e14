package io.wakestream.cli;

import io.wakestream.asr.core.LanguageModelBundle;
import io.wakestream.asr.core.Lattice;
import io.wakestream.asr.core.LatticeArc;
import io.wakestream.asr.core.LatticeDecoderConfig;
import io.wakestream.asr.core.LatticeFormats;
import io.wakestream.asr.core.Recognition;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.asr.core.SegmentRecognizerConfig;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

@Command(name = "lattice", mixinStandardHelpOptions = true,
        description = "Offline word lattices, no Kafka: each WAV file through the phonetic encoder and the lattice decoder"
                + " with the n-gram language model, as asr-lattice-service decodes a segment. --format json (default):"
                + " one line per file, {\"file\", \"one_best\", \"arcs\": [{\"from\", \"to\", \"word\", \"start_ms\","
                + " \"end_ms\", \"am_cost\", \"lm_cost\", \"posterior\"}]} (plus \"truncated\": true and \"decoded_ms\""
                + " when the file was longer than --max-seconds); slf: HTK Standard Lattice Format; fst: OpenFst text"
                + " format (a line \"# FILE\", the arcs, then the word symbol table after a line \"# symbols\").")
public class LatticeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Format { json, slf, fst }

    @Option(names = "--format", defaultValue = "json", description = "json, slf or fst (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--model", defaultValue = PhoneticEncoderConfig.DEFAULT_MODEL,
            description = "Phonetic encoder model name under the models directory (default: ${DEFAULT-VALUE});"
                    + " --model-version picks its version.")
    String model;

    @Option(names = "--lm", defaultValue = LanguageModelBundle.DEFAULT_MODEL,
            description = "Language model name under the models directory, with its decoding lexicon (default: ${DEFAULT-VALUE}).")
    String lm;

    @Option(names = "--lm-version", defaultValue = "", description = "Language model version (default: the newest).")
    String lmVersion;

    @Mixin
    ModelOptions models;

    @Option(names = "--lm-weight", defaultValue = "" + LatticeDecoderConfig.DEFAULT_LM_WEIGHT,
            description = "LM weight (default: ${DEFAULT-VALUE}).")
    double lmWeight;

    @Option(names = "--word-insertion-penalty", defaultValue = "" + LatticeDecoderConfig.DEFAULT_WORD_INSERTION_PENALTY,
            description = "Penalty per word in nats (default: ${DEFAULT-VALUE}).")
    double wordInsertionPenalty;

    @Option(names = "--max-seconds", defaultValue = "20",
            description = "Longer files are cut to this many seconds, as the service cuts segments (default: ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        if (!(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        SegmentRecognizerConfig config = SegmentRecognizerConfig.defaults()
                .withEncoder(model, models.modelVersion)
                .withLanguageModel(lm, lmVersion)
                .withDecoder(LatticeDecoderConfig.defaults().withLmWeight(lmWeight).withWordInsertionPenalty(wordInsertionPenalty))
                .withMaxSegmentSamples((int) Math.min(Integer.MAX_VALUE, Math.round(maxSeconds * Recognition.SAMPLE_RATE)));
        int failures = 0;
        try (OnnxEngine onnx = models.engine();
             SegmentRecognizer recognizer = SegmentRecognizer.open(models.repository(), config, onnx)) {
            for (Path file : files) {
                try {
                    AudioSource.Clip clip = AudioSource.readWav(file.toString(), System.in);
                    // As 16-bit PCM, the form a segment's audio has: the service gives the same lattice.
                    Recognition recognition = recognizer.recognizePcm16(Pcm16.toBytes(clip.samples()));
                    System.out.print(render(file, recognition));
                    System.out.flush();
                } catch (UserError e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private String render(Path file, Recognition recognition) {
        Lattice lattice = recognition.lattice();
        return switch (format) {
            case json -> toJson(file, recognition) + System.lineSeparator();
            case slf -> LatticeFormats.toSlf(lattice, file.getFileName().toString());
            case fst -> "# " + file + System.lineSeparator() + LatticeFormats.toFstText(lattice) + "# symbols" + System.lineSeparator()
                    + LatticeFormats.toFstSymbols(lattice);
        };
    }

    static String toJson(Path file, Recognition recognition) {
        Lattice lattice = recognition.lattice();
        ObjectNode line = JSON.createObjectNode()
                .put("file", file.toString())
                .put("one_best", lattice.oneBestText());
        if (recognition.truncated()) {
            line.put("truncated", true).put("decoded_ms", recognition.decodedSamples() * 1000L / Recognition.SAMPLE_RATE);
        }
        ArrayNode arcs = line.putArray("arcs");
        int ms = lattice.frameMillis();
        for (LatticeArc arc : lattice.arcs()) {
            arcs.addObject()
                    .put("from", arc.from())
                    .put("to", arc.to())
                    .put("word", arc.word())
                    .put("start_ms", (long) arc.startFrame() * ms)
                    .put("end_ms", (long) arc.endFrame() * ms)
                    .put("am_cost", round(arc.amCost()))
                    .put("lm_cost", round(arc.lmCost()))
                    .put("posterior", round(arc.posterior()));
        }
        return line.toString();
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", value));
    }
}
