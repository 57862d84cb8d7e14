package io.wakestream.wakeword.core.repcnn;

import io.wakestream.common.audio.WavReader;
import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.model.FrontendSpec;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.wakeword.core.ClipDetector;
import io.wakestream.wakeword.core.ClipResult;
import io.wakestream.wakeword.core.DetectorScore;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.ScoreBatch;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.TriggerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped RepCNN model (models/wakeword-hey-jarvis, newest version) on its sample audio, clips of
 * the corpus's test split: "hey jarvis" in three held-out voices, plain speech, confusable phrases.
 * samples/scores.json holds the keyword intervals, and the raw scores and firings the Python toolkit
 * computes from the same model.onnx.
 */
class RepCnnDetectorTest {

    private static final String MODEL = "wakeword-hey-jarvis";
    private static final float PYTHON_TOLERANCE = 1e-3f;
    private static final List<String> SAMPLES = List.of("hey-jarvis.wav", "speech.wav", "confusables.wav");

    private static OnnxEngine engine;
    private static LoadedModel model;
    private static RepCnnDetector detector;
    private static JsonNode samples;

    @BeforeAll
    static void load() throws IOException {
        engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0));
        model = new ModelRepository(Path.of("../models")).loadLatest(MODEL);
        detector = RepCnnDetector.load(model, engine);
        samples = new ObjectMapper().readTree(model.directory().resolve("samples/scores.json").toFile());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /**
     * Python may score fewer windows (a toolkit that starts at the first whole window), so scores are matched
     * by end sample: every Python window must be among the Java ones, with the same score.
     */
    @Test
    void scoresEqualThePythonScoresOnTheSameAudio() throws IOException {
        for (String wav : SAMPLES) {
            Map<Long, Float> byEnd = new HashMap<>();
            scoreWhole(read(wav)).forEach(score -> byEnd.put(score.endSample(), score.score()));
            JsonNode expected = samples.get("scores").get(wav);
            assertThat(expected.get("end_samples")).hasSameSizeAs(expected.get("scores")).isNotEmpty();
            for (int i = 0; i < expected.get("scores").size(); i++) {
                long end = expected.get("end_samples").get(i).asLong();
                assertThat(byEnd).as("%s: Java scores the window ending at %d", wav, end).containsKey(end);
                assertThat(byEnd.get(end)).as("%s window ending at %d", wav, end)
                        .isCloseTo(expected.get("scores").get(i).floatValue(), within(PYTHON_TOLERANCE));
            }
        }
    }

    @Test
    void triggerSettingsAreTheManifests() {
        var parameters = model.manifest().frontend().parameters();
        TriggerSettings expected = new TriggerSettings((float) model.manifest().threshold("detection"),
                ((Number) parameters.get("smoothing_windows")).intValue(),
                Duration.ofNanos(Math.round(((Number) parameters.get("refractory_seconds")).doubleValue() * 1e9)));

        assertThat(detector.triggerSettings()).isEqualTo(expected);
    }

    @Test
    void refusesAManifestWithoutSmoothingOrRefractoryPeriod() {
        for (String missing : List.of("smoothing_windows", "refractory_seconds")) {
            ModelManifest manifest = model.manifest();
            Map<String, Object> parameters = new HashMap<>(manifest.frontend().parameters());
            parameters.remove(missing);
            ModelManifest without = new ModelManifest(manifest.name(), manifest.version(), manifest.task(),
                    manifest.keyword(), manifest.description(), manifest.files(),
                    new FrontendSpec(manifest.frontend().type(), manifest.frontend().sampleRate(), parameters),
                    manifest.thresholds(), manifest.training(), manifest.evaluation(), manifest.source(),
                    manifest.phones(), manifest.architecture());

            assertThatThrownBy(() -> RepCnnDetector.load(new LoadedModel(without, model.directory()), engine))
                    .isInstanceOf(ModelException.class).hasMessageContaining(missing);
        }
    }

    /** A stream starts from silence: a score every hop from the first, so even a clip shorter than a window gets some. */
    @Test
    void scoresEveryHopFromTheFirstEvenOnAClipShorterThanTheWindow() throws IOException {
        float[] clip = Arrays.copyOf(read("hey-jarvis.wav"), detector.windowSamples() / 2);
        long frames = LogMelFrontend.frameCount(clip.length);
        List<Long> expectedEnds = new ArrayList<>();
        for (long seen = detector.hopFrames(); seen <= frames; seen += detector.hopFrames()) {
            expectedEnds.add(LogMelFrontend.frameStart(seen - 1) + LogMelFrontend.FRAME_LENGTH);
        }

        List<DetectorScore> scores = scoreWhole(clip);

        assertThat(expectedEnds).hasSizeGreaterThan(1);
        assertThat(scores).extracting(DetectorScore::endSample).isEqualTo(expectedEnds);
    }

    /**
     * Every score is the model's score of the last window_frames frames, frames before the stream's start
     * being the frontend's frame of all-zero audio: rebuilt here from the whole clip's frames.
     */
    @Test
    void eachWindowIsTheLastFramesWithSilenceBeforeTheStreamStart() throws IOException {
        float[] clip = Arrays.copyOf(read("hey-jarvis.wav"), 2 * detector.windowSamples());
        LogMelFrontend frontend = new LogMelFrontend(((Number) model.manifest().frontend().parameters().get("n_mels")).intValue());
        float[][] frames = frontend.compute(clip);
        float[] silence = frontend.compute(new float[LogMelFrontend.FRAME_LENGTH])[0];
        int window = detector.windowFrames();
        int mels = frontend.nMels();

        List<DetectorScore> scores = scoreWhole(clip);

        assertThat(scores).hasSize(frames.length / detector.hopFrames());
        for (int i = 0; i < scores.size(); i++) {
            int seen = (i + 1) * detector.hopFrames();
            float[] input = new float[window * mels];
            for (int row = 0; row < window; row++) {
                int frame = seen - window + row;
                System.arraycopy(frame < 0 ? silence : frames[frame], 0, input, row * mels, mels);
            }
            assertThat(scores.get(i).score()).as("window ending after %d frames", seen)
                    .isCloseTo(detector.score(input, 1)[0], within(1e-5f));
        }
    }

    @Test
    void digitalSilenceScoresTheSameFromTheFirstHopOn() {
        List<DetectorScore> scores = scoreWhole(new float[2 * detector.windowSamples()]);

        assertThat(scores).hasSizeGreaterThan(detector.windowFrames() / detector.hopFrames());
        assertThat(scores).allSatisfy(score -> assertThat(score.score())
                .isCloseTo(scores.getFirst().score(), within(1e-6f)));
    }

    /**
     * The model's false-reject rate on held-out voices is far from zero (see the manifest), so the test
     * does not demand every keyword; it demands that the detector fires, at most once per keyword, and
     * never away from one.
     */
    @Test
    void firesOnHeldOutVoicesSayingHeyJarvisAndOnlyThere() throws IOException {
        List<Long> fired = firings(read("hey-jarvis.wav"));
        JsonNode intervals = samples.get("scores").get("hey-jarvis.wav").get("intervals");
        assertThat(fired).isNotEmpty().hasSizeLessThanOrEqualTo(intervals.size());
        for (long end : fired) {
            boolean onKeyword = false;
            for (JsonNode interval : intervals) {
                onKeyword |= end > interval.get(0).asLong() && end <= interval.get(1).asLong() + detector.windowSamples();
            }
            assertThat(onKeyword).as("firing at sample %d lies on a keyword", end).isTrue();
        }
    }

    @Test
    void staysQuietOnPlainSpeech() throws IOException {
        assertThat(firings(read("speech.wav"))).isEmpty();
    }

    /**
     * The trigger policy decides as the toolkit's evaluation does: the same firings on every sample,
     * confusable phrases included (the model accepts some of them; the manifest gives the share).
     */
    @Test
    void firesWhereThePythonEvaluationFires() throws IOException {
        for (String wav : SAMPLES) {
            List<Long> expected = new ArrayList<>();
            samples.get("scores").get(wav).get("firings").forEach(end -> expected.add(end.asLong()));
            assertThat(firings(read(wav))).as(wav).isEqualTo(expected);
        }
    }

    @Test
    void chunkSizesDoNotChangeTheScores() throws IOException {
        float[] audio = read("hey-jarvis.wav");
        List<DetectorScore> whole = scoreWhole(audio);
        DetectorStream stream = detector.openStream();
        List<DetectorScore> chunked = new ArrayList<>();
        Random random = new Random(3);
        for (int at = 0; at < audio.length; ) {
            int length = Math.min(audio.length - at, random.nextInt(4000));
            chunked.addAll(stream.accept(audio, at, length));
            at += length;
        }
        assertScoresAlike(chunked, whole);
    }

    @Test
    void windowsOfOneChunkGoToTheModelInOneCall() throws IOException {
        float[] audio = read("hey-jarvis.wav");
        long before = detector.modelCalls();
        List<DetectorScore> scores = scoreWhole(audio);
        assertThat(scores.size()).isGreaterThan(1).isLessThanOrEqualTo(RepCnnDetector.MAX_BATCH_WINDOWS);
        assertThat(detector.modelCalls() - before).isEqualTo(1);
    }

    @Test
    void streamsInOneBatchShareACallPerRoundAndScoreAsAlone() throws IOException {
        float[] audio = read("hey-jarvis.wav");
        List<DetectorScore> alone = scoreWhole(audio);
        int streams = 8;
        int chunk = 1600;
        List<DetectorStream> open = new ArrayList<>();
        List<List<DetectorScore>> scored = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            open.add(detector.openStream());
            scored.add(new ArrayList<>());
        }
        long before = detector.modelCalls();
        int roundsWithWindows = 0;
        for (int at = 0; at < audio.length; at += chunk) {
            ScoreBatch batch = new ScoreBatch();
            List<DetectorStream.Scores> round = new ArrayList<>();
            for (DetectorStream stream : open) {
                round.add(stream.submit(audio, at, Math.min(chunk, audio.length - at), batch));
            }
            batch.run();
            for (int s = 0; s < streams; s++) {
                scored.get(s).addAll(round.get(s).get());
            }
            roundsWithWindows += round.getFirst().get().isEmpty() ? 0 : 1;
        }
        for (List<DetectorScore> own : scored) {
            assertScoresAlike(own, alone);
        }
        assertThat(roundsWithWindows).isPositive();
        assertThat(detector.modelCalls() - before).as("one call per round that had windows, for all %d streams", streams)
                .isEqualTo(roundsWithWindows);
    }

    @Test
    void scoresCannotBeReadBeforeTheirBatchRuns() throws IOException {
        float[] audio = read("hey-jarvis.wav");
        DetectorStream.Scores scores = detector.openStream().submit(audio, 0, audio.length, new ScoreBatch());

        assertThatThrownBy(scores::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("has not run");
    }

    private static float[] read(String wav) throws IOException {
        return WavReader.read(model.directory().resolve("samples").resolve(wav)).channels()[0];
    }

    private static List<DetectorScore> scoreWhole(float[] audio) {
        return detector.openStream().accept(audio, 0, audio.length);
    }

    /** End samples where the service, with the manifest's threshold, smoothing and refractory period, fires. */
    private static List<Long> firings(float[] audio) {
        return new ClipDetector(detector, SessionSettings.defaults()).detect(audio).firings().stream()
                .map(ClipResult.Firing::endSample).toList();
    }

    private static void assertScoresAlike(List<DetectorScore> actual, List<DetectorScore> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).endSample()).isEqualTo(expected.get(i).endSample());
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5f));
        }
    }
}
