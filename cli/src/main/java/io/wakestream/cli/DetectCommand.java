package io.wakestream.cli;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.G2p;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.core.KeywordVerifierConfig;
import io.wakestream.kws.core.Verification;
import io.wakestream.wakeword.core.ClipDetector;
import io.wakestream.wakeword.core.ClipResult;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.PhraseClipSpotter;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.openvocab.OpenVocabularyDetector;
import io.wakestream.wakeword.core.openvocab.OpenVocabularySettings;
import io.wakestream.wakeword.core.openvocab.PhrasePhones;
import io.wakestream.wakeword.core.openvocab.SearchSettings;
import java.util.ArrayList;
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
                + "the model's threshold, smoothing and refractory period as the service runs them. With --phrase, "
                + "open-vocabulary spotting of each phrase in the phonetic encoder's outputs (the encoder runs once per "
                + "file): one JSON line per file and phrase.")
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

    @Option(names = "--threshold", description = "Override the model's threshold (with --phrase: the open-vocabulary "
            + "threshold on the confidence exp(S), default " + OpenVocabularySettings.DEFAULT_THRESHOLD + ").")
    Float threshold;

    @Option(names = "--scores", description = "Add every hop's score as [end_ms, score] pairs. Scores (and max_score) "
            + "are smoothed as the service smooths them, the mean over the model's smoothing windows: the numbers "
            + "the threshold is compared with.")
    boolean scores;

    @Option(names = "--phrase", description = "Spot this phrase with the open-vocabulary spotter instead of running a "
            + "wake-word model, as a stream with the phrase enrolled would (repeatable: every phrase is searched in one "
            + "encoder run). --model and --model-version are then ignored.")
    List<String> phrases;

    @Option(names = "--encoder", defaultValue = PhoneticEncoderConfig.DEFAULT_MODEL,
            description = "With --phrase: the phonetic encoder (default: ${DEFAULT-VALUE}, the newest version).")
    String encoderModel;

    @Option(names = "--log-prob-floor", description = "With --phrase: the search's floor on a log-posterior "
            + "(default: " + SearchSettings.DEFAULT_LOG_PROB_FLOOR + ").")
    Float logProbFloor;

    @Option(names = "--skip-penalty", description = "With --phrase: nats charged per phone the search skips (default: "
            + SearchSettings.DEFAULT_SKIP_PENALTY + ").")
    Float skipPenalty;

    @Option(names = "--verify", description = "With --phrase: verify each detection's trigger audio against the phrase "
            + "with kws-service's verifier (newest kws-verifier), as the service's second stage does.")
    boolean verify;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (any PCM format, any rate).")
    List<Path> files;

    @Override
    public Integer call() {
        if (phrases != null && !phrases.isEmpty()) {
            return spotPhrases();
        }
        if (verify) {
            throw new UserError("--verify needs --phrase: it verifies open-vocabulary detections against their phrase");
        }
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

    private int spotPhrases() {
        SearchSettings defaults = SearchSettings.defaults();
        SearchSettings search = new SearchSettings(logProbFloor != null ? logProbFloor : defaults.logProbFloor(),
                skipPenalty != null ? skipPenalty : defaults.skipPenalty(), defaults.maxFramesPerPhone(),
                defaults.extraFrames());
        OpenVocabularySettings openVocabulary = OpenVocabularySettings.defaults().withSearch(search);
        if (threshold != null) {
            openVocabulary = openVocabulary.withThreshold(threshold);
        }
        SessionSettings settings = SessionSettings.defaults();
        int failures = 0;
        ModelRepository repository = models.repository();
        try (OnnxEngine onnx = models.engine();
             PhoneticEncoder encoder = PhoneticEncoder.open(repository,
                     PhoneticEncoderConfig.defaults().withModel(encoderModel, ""), onnx);
             KeywordVerifier verifier = verify ? KeywordVerifier.open(repository, KeywordVerifierConfig.defaults(), onnx)
                     : null) {
            Pronouncer pronouncer = Pronouncer.open(repository, G2p.MODEL_NAME, "", onnx);
            List<OpenVocabularyDetector> detectors = new ArrayList<>();
            for (String phrase : phrases) {
                try {
                    detectors.add(new OpenVocabularyDetector(encoder,
                            PhrasePhones.pronounce(pronouncer, phrase, openVocabulary.maxVariants()), openVocabulary));
                } catch (IllegalArgumentException e) {
                    throw new UserError("--phrase \"" + phrase + "\": " + e.getMessage(), e);
                }
            }
            List<PhrasePronunciation> verified = verifier == null ? List.of()
                    : phrases.stream().map(verifier::pronounce).toList();
            PhraseClipSpotter spotter = new PhraseClipSpotter(encoder, detectors, settings);
            for (Path file : files) {
                try {
                    AudioSource.Clip clip = AudioSource.readWav(file.toString(), System.in);
                    List<ClipResult> results = spotter.detect(clip.samples(), scores);
                    for (int i = 0; i < results.size(); i++) {
                        ObjectNode line = toJson(file, clip, results.get(i), phrases.get(i), detectors.get(i));
                        if (verifier != null) {
                            addVerifications(line, clip.samples(), results.get(i), detectors.get(i), verifier,
                                    verified.get(i));
                        }
                        System.out.println(line);
                    }
                } catch (UserError e) {
                    failures++;
                    System.err.println(spec.qualifiedName() + ": " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private ObjectNode toJson(Path file, AudioSource.Clip clip, ClipResult result, String phrase,
                              OpenVocabularyDetector detector) {
        ObjectNode line = JSON.createObjectNode()
                .put("file", file.toString())
                .put("phrase", phrase);
        ArrayNode phones = line.putArray("phones");
        detector.phrase().phoneNames().forEach(variant -> phones.add(String.join(" ", variant)));
        return fill(line, clip, result);
    }

    /** Verifies each detection's trigger audio, the window before its end the service sends kws-service. */
    private static void addVerifications(ObjectNode line, float[] samples, ClipResult result,
                                         OpenVocabularyDetector detector, KeywordVerifier verifier,
                                         PhrasePronunciation phrase) {
        ArrayNode detections = (ArrayNode) line.get("detections");
        for (int i = 0; i < result.firings().size(); i++) {
            ClipResult.Firing firing = result.firings().get(i);
            int end = (int) Math.min(samples.length, firing.endSample());
            int start = (int) Math.max(0, end - detector.windowSamples());
            Verification verification = verifier.verify(Pcm16.toBytes(samples, start, end - start), phrase);
            ((ObjectNode) detections.get(i)).putObject("verification")
                    .put("score", verification.score())
                    .put("accepted", verification.accepted());
        }
    }

    private String toJson(Path file, AudioSource.Clip clip, ClipResult result) {
        return fill(JSON.createObjectNode().put("file", file.toString()), clip, result).toString();
    }

    private ObjectNode fill(ObjectNode line, AudioSource.Clip clip, ClipResult result) {
        line
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
        return line;
    }

    private static long millis(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / SessionSettings.SAMPLE_RATE).toMillis();
    }
}
