package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.G2p;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.wakeword.core.CpuCostReport;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.PhraseClipSpotter;
import io.wakestream.wakeword.core.SessionSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Reports the CPU time open-vocabulary spotting spends per second of audio on one thread (ONNX Runtime with one
 * intra-op and one inter-op thread): a stream with an enrolled phrase as the service runs it (100 ms chunks, the
 * encoder at its default 16 outputs a call, frontend included), the phrase search alone (one phrase, and eight), and
 * {@code detect --phrase} with eight phrases over one clip. The input is seeded noise: the encoder's cost does not
 * depend on content (the search's barely does). A report, never a test: it asserts nothing.
 *
 * <p>Arguments: the models directory (default {@code models}), seconds of audio per run (default 60). From the
 * repository root after {@code ./mvnw -o -q -pl wakeword-service -am test-compile}:
 * {@code java -cp "wakeword-service/target/test-classes:wakeword-service/target/classes:$(cat cp.txt)"
 * io.wakestream.wakeword.core.openvocab.OpenVocabularyCpuBenchmark models 60}, with cp.txt written by
 * {@code ./mvnw -o -q -pl wakeword-service dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class OpenVocabularyCpuBenchmark {

    private static final int CHUNK = 1600;
    private static final List<String> PHRASES = List.of("hey nova", "computer", "okay lumen", "hello robot",
            "hey jarvis", "wake up sam", "hi marvin", "jasper");

    private OpenVocabularyCpuBenchmark() {
    }

    public static void main(String[] args) {
        Path modelsDirectory = Path.of(args.length > 0 ? args[0] : "models");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        float[] audio = CpuCostReport.noise(seconds * SessionSettings.SAMPLE_RATE);
        ModelRepository models = new ModelRepository(modelsDirectory);
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0))) {
            PhoneticEncoder encoder = PhoneticEncoder.open(models, PhoneticEncoderConfig.defaults(), engine);
            Pronouncer pronouncer = Pronouncer.open(models, G2p.MODEL_NAME, "", engine);
            OpenVocabularySettings settings = OpenVocabularySettings.defaults();
            List<OpenVocabularyDetector> detectors = PHRASES.stream().map(phrase -> new OpenVocabularyDetector(encoder,
                    PhrasePhones.pronounce(pronouncer, phrase, settings.maxVariants()), settings)).toList();
            System.out.printf("Open-vocabulary spotting with %s on %s, %d s of audio per run, best and median of %d runs%n",
                    encoder.modelId(), System.getProperty("os.arch"), seconds, CpuCostReport.RUNS);
            CpuCostReport.report("stream, one phrase (service)", seconds, () -> {
                DetectorStream stream = detectors.getFirst().openStream();
                for (int offset = 0; offset < audio.length; offset += CHUNK) {
                    stream.accept(audio, offset, Math.min(CHUNK, audio.length - offset));
                }
            });
            EncoderFrames frames = encoder.newStream().acceptSamples(audio);
            CpuCostReport.report("  search alone, one phrase", seconds, () -> detectors.getFirst().newSearch().accept(frames));
            CpuCostReport.report("  search alone, eight phrases", seconds,
                    () -> detectors.forEach(detector -> detector.newSearch().accept(frames)));
            PhraseClipSpotter spotter = new PhraseClipSpotter(encoder, detectors, SessionSettings.defaults());
            CpuCostReport.report("clip, eight phrases (detect)", seconds, () -> spotter.detect(audio, false));
        }
    }
}
