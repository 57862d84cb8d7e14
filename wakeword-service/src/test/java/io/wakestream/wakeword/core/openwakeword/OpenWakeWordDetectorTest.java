package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorScore;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.TriggerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenWakeWordDetectorTest {

    private static final String WAKE_REQUEST = "hey jarvis, what's the weather like today";
    private static final String PLAIN_REQUEST = "hello there, what's the weather like today";

    @TempDir
    static Path work;

    private static ModelRepository models;
    private static OnnxEngine engine;
    private static Detector heyJarvis;

    @BeforeAll
    static void loadDetector() {
        models = OpenWakeWordModels.repository();
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        heyJarvis = OpenWakeWordDetector.load(models.load(OpenWakeWordModels.HEY_JARVIS, OpenWakeWordModels.VERSION), engine);
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    static Stream<SpeechSynthesizer> voices() {
        return Stream.of(
                new SpeechSynthesizer("espeak-ng", "en-us"),
                new SpeechSynthesizer("espeak-ng", "en-gb-x-rp"),
                new SpeechSynthesizer("flite", "kal"),
                new SpeechSynthesizer("flite", "slt"),
                new SpeechSynthesizer("text2wave", "kal_diphone"),
                new SpeechSynthesizer("text2wave", "cmu_us_slt_arctic_hts"));
    }

    @Test
    void describesItselfFromTheManifest() {
        assertThat(heyJarvis.keyword()).isEqualTo("hey jarvis");
        assertThat(heyJarvis.modelId()).isEqualTo("openwakeword/hey_jarvis/0.1");
        // The fetched manifest has no smoothing or refractory parameters: no smoothing, 2 s.
        assertThat(heyJarvis.triggerSettings()).isEqualTo(new TriggerSettings(0.5f, 1, Duration.ofSeconds(2)));
        assertThat(heyJarvis.windowSamples()).isEqualTo(31840);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("voices")
    void firesOnHeyJarvisAfterItIsSpoken(SpeechSynthesizer voice) throws Exception {
        float[] audio = voice.speak(WAKE_REQUEST, work);

        DetectorScore peak = peak(score(heyJarvis.openStream(), audio, audio.length));

        assertThat(peak.score()).as("peak score of %s", voice).isGreaterThanOrEqualTo(heyJarvis.triggerSettings().threshold());
        assertThat(peak.endSample()).as("peak after the leading silence").isGreaterThan(SpeechSynthesizer.PADDING_SAMPLES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("voices")
    void staysBelowTheThresholdWithoutTheWakeWord(SpeechSynthesizer voice) throws Exception {
        float[] audio = voice.speak(PLAIN_REQUEST, work);

        DetectorScore peak = peak(score(heyJarvis.openStream(), audio, audio.length));

        assertThat(peak.score()).as("peak score of %s", voice).isLessThan(heyJarvis.triggerSettings().threshold());
    }

    @Test
    void anyChunkSizesGiveTheSameScores() throws Exception {
        float[] audio = new SpeechSynthesizer("flite", "kal").speak(WAKE_REQUEST, work);
        List<DetectorScore> whole = score(heyJarvis.openStream(), audio, audio.length);

        for (int chunk : new int[] {1, 160, 1279, 1280, 1281, 4000}) {
            assertThat(score(heyJarvis.openStream(), audio, chunk)).as("chunks of %d samples", chunk).isEqualTo(whole);
        }
        assertThat(peak(whole).score()).isGreaterThanOrEqualTo(heyJarvis.triggerSettings().threshold());
    }

    @Test
    void scoresEveryStepOf1280SamplesAndZeroesTheFirstFive() throws Exception {
        float[] audio = new SpeechSynthesizer("espeak-ng", "en-us").speak(WAKE_REQUEST, work);

        List<DetectorScore> scores = score(heyJarvis.openStream(), audio, audio.length);

        assertThat(scores).hasSize(audio.length / 1280);
        for (int i = 0; i < scores.size(); i++) {
            assertThat(scores.get(i).endSample()).isEqualTo((i + 1) * 1280L);
        }
        assertThat(scores.subList(0, 5)).extracting(DetectorScore::score).containsOnly(0f);
        assertThat(scores.subList(5, scores.size())).extracting(DetectorScore::score).allMatch(score -> score > 0f);
    }

    @Test
    void streamsKeepTheirOwnState() throws Exception {
        float[] wake = new SpeechSynthesizer("flite", "slt").speak(WAKE_REQUEST, work);
        float[] plain = new SpeechSynthesizer("flite", "slt").speak(PLAIN_REQUEST, work);
        DetectorStream first = heyJarvis.openStream();
        DetectorStream second = heyJarvis.openStream();
        List<DetectorScore> firstScores = new ArrayList<>();
        List<DetectorScore> secondScores = new ArrayList<>();

        for (int offset = 0; offset < Math.max(wake.length, plain.length); offset += 1000) {
            if (offset < wake.length) {
                firstScores.addAll(first.accept(wake, offset, Math.min(1000, wake.length - offset)));
            }
            if (offset < plain.length) {
                secondScores.addAll(second.accept(plain, offset, Math.min(1000, plain.length - offset)));
            }
        }

        assertThat(firstScores).isEqualTo(score(heyJarvis.openStream(), wake, wake.length));
        assertThat(secondScores).isEqualTo(score(heyJarvis.openStream(), plain, plain.length));
    }

    @Test
    void followsOpenWakeWordsBufferArithmetic() throws Exception {
        float[] audio = new SpeechSynthesizer("text2wave", "kal_diphone").speak(WAKE_REQUEST, work);
        LoadedModel model = models.load(OpenWakeWordModels.HEY_JARVIS, OpenWakeWordModels.VERSION);

        List<Float> expected = new OpenWakeWordReference(model, engine).scores(audio);

        assertThat(score(heyJarvis.openStream(), audio, audio.length))
                .extracting(DetectorScore::score)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void otherOpenWakeWordKeywordModelsRunThroughTheSamePipeline() throws Exception {
        SpeechSynthesizer voice = new SpeechSynthesizer("flite", "slt");
        float[] alexaRequest = voice.speak("alexa, what's the weather like today", work);
        // flite and espeak say "mycroft" as "mick-roft"; spelt as two words it sounds as the model expects
        float[] mycroftRequest = voice.speak("hey my croft, what's the weather like today", work);
        Detector alexa = OpenWakeWordDetector.load(models.load(OpenWakeWordModels.ALEXA, OpenWakeWordModels.VERSION), engine);
        Detector mycroft = OpenWakeWordDetector.load(models.load(OpenWakeWordModels.HEY_MYCROFT, OpenWakeWordModels.VERSION), engine);

        assertThat(peak(score(alexa.openStream(), alexaRequest, 4096)).score()).isGreaterThanOrEqualTo(alexa.triggerSettings().threshold());
        assertThat(peak(score(mycroft.openStream(), mycroftRequest, 4096)).score()).isGreaterThanOrEqualTo(mycroft.triggerSettings().threshold());
        assertThat(peak(score(heyJarvis.openStream(), alexaRequest, 4096)).score()).isLessThan(heyJarvis.triggerSettings().threshold());
        assertThat(peak(score(heyJarvis.openStream(), mycroftRequest, 4096)).score()).isLessThan(heyJarvis.triggerSettings().threshold());
    }

    @Test
    void refusesAModelThatIsNotAnOpenWakeWordPipeline() {
        LoadedModel model = models.load(OpenWakeWordModels.HEY_JARVIS, OpenWakeWordModels.VERSION);
        ModelManifest manifest = model.manifest();
        ModelManifest withoutKeyword = new ModelManifest(manifest.name(), manifest.version(), manifest.task(), null,
                manifest.description(), manifest.files(), manifest.frontend(), manifest.thresholds(),
                manifest.training(), manifest.evaluation(), manifest.source(), manifest.phones(), manifest.architecture());

        assertThatThrownBy(() -> OpenWakeWordDetector.load(new LoadedModel(withoutKeyword, model.directory()), engine))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not an openWakeWord keyword model");
    }

    static List<DetectorScore> score(DetectorStream stream, float[] audio, int chunk) {
        List<DetectorScore> scores = new ArrayList<>();
        for (int offset = 0; offset < audio.length; offset += chunk) {
            scores.addAll(stream.accept(audio, offset, Math.min(chunk, audio.length - offset)));
        }
        return scores;
    }

    private static DetectorScore peak(List<DetectorScore> scores) {
        return scores.stream().reduce((a, b) -> b.score() > a.score() ? b : a).orElseThrow();
    }
}
