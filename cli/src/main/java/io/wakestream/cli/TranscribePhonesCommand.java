package io.wakestream.cli;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.CtcGreedyDecoder;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneSegment;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhoneticStream;
import java.io.IOException;
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

@Command(name = "transcribe-phones", mixinStandardHelpOptions = true,
        description = "Phones heard in WAV files, no Kafka: the phonetic encoder's greedy CTC decoding, one JSON line per "
                + "file on standard output: {\"file\", \"phones\", \"segments\": [{\"phone\", \"start_ms\", \"end_ms\"}]}.")
public class TranscribePhonesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--model", defaultValue = PhoneticEncoderConfig.DEFAULT_MODEL,
            description = "Phonetic encoder name under the models directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions models;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        PhoneticEncoderConfig config = PhoneticEncoderConfig.defaults().withModel(model, models.modelVersion);
        int failures = 0;
        try (OnnxEngine onnx = models.engine();
             PhoneticEncoder encoder = PhoneticEncoder.open(models.repository(), config, onnx)) {
            CtcGreedyDecoder decoder = new CtcGreedyDecoder(encoder.spec());
            for (Path file : files) {
                try {
                    System.out.println(toJson(file, decoder.decode(encode(encoder, Mono16k.read(file)).logProbRows())));
                } catch (IOException | RuntimeException e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + file + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The whole file through one stream: the outputs a live stream of it would give. */
    private static EncoderFrames encode(PhoneticEncoder encoder, float[] samples) {
        PhoneticStream stream = encoder.newStream();
        return EncoderFrames.concat(List.of(stream.acceptSamples(samples), stream.finish()));
    }

    private static String toJson(Path file, List<PhoneSegment> segments) {
        ObjectNode line = JSON.createObjectNode()
                .put("file", file.toString())
                .put("phones", CtcGreedyDecoder.phoneString(segments));
        ArrayNode array = line.putArray("segments");
        for (PhoneSegment segment : segments) {
            array.addObject().put("phone", segment.phone()).put("start_ms", segment.startMs()).put("end_ms", segment.endMs());
        }
        return line.toString();
    }
}
