package io.wakestream.wakeword.core.openvocab;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.G2p;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.wakeword.core.AudioInput;
import io.wakestream.wakeword.core.ClipResult;
import io.wakestream.wakeword.core.Detection;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.PhraseClipSpotter;
import io.wakestream.wakeword.core.Segment;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.StreamEvent;
import io.wakestream.wakeword.core.WakewordEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open-vocabulary spotting through the shipped phonetic encoder and G2P model, on TTS audio: the bundled samples
 * ("hey jarvis" requests in flite rms and espeak-ng, a request without it) and "hey nova, turn on the lights"
 * (espeak-ng en-us, a bundled sample).
 */
class OpenVocabularyDetectorTest {

    private static final Path MODELS = Path.of("../models");

    private static OnnxEngine onnx;
    private static PhoneticEncoder encoder;
    private static Pronouncer pronouncer;

    @BeforeAll
    static void load() {
        onnx = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        ModelRepository models = new ModelRepository(MODELS);
        encoder = PhoneticEncoder.open(models, PhoneticEncoderConfig.defaults(), onnx);
        pronouncer = Pronouncer.open(models, G2p.MODEL_NAME, "", onnx);
    }

    @AfterAll
    static void close() {
        onnx.close();
    }

    @Test
    void eachPhraseFiresOnTheClipThatSaysItAndNotOnTheOther() throws IOException {
        OpenVocabularyDetector heyJarvis = detector("hey jarvis");
        OpenVocabularyDetector kitchenLights = detector("kitchen lights");
        PhraseClipSpotter spotter = new PhraseClipSpotter(encoder, List.of(heyJarvis, kitchenLights),
                SessionSettings.defaults());

        List<ClipResult> timer = spotter.detect(sample("/samples/hey-jarvis-timer.wav"), false);
        List<ClipResult> lights = spotter.detect(sample("/samples/kitchen-lights.wav"), false);

        assertThat(timer.get(0).firings()).singleElement().satisfies(firing -> {
            assertThat(firing.keyword()).isEqualTo("hey jarvis");
            // "Hey Jarvis" is the request's first second.
            assertThat(firing.endSample()).isBetween(8_000L, 24_000L);
        });
        assertThat(timer.get(1).firings()).isEmpty();
        assertThat(lights.get(0).firings()).isEmpty();
        assertThat(lights.get(1).firings()).singleElement()
                .satisfies(firing -> assertThat(firing.keyword()).isEqualTo("kitchen lights"));
        assertThat(timer.get(0).model()).isEqualTo("open-vocabulary/phonetic-encoder-1.0.0");
        assertThat(timer.get(0).maxScore()).isGreaterThan(lights.get(0).maxScore());
    }

    @Test
    void aStreamWithAnEnrolledPhraseDetectsItAlikeInSmallAndLargeChunks() throws IOException {
        OpenVocabularyDetector heyNova = detector("hey nova");
        float[] audio = sample("/samples/hey-nova-lights.wav");
        short[] pcm = Pcm16.toShorts(Arrays.copyOf(audio, audio.length + 16_000));

        List<StreamEvent> small = feed(new WakewordEngine(heyNova, SessionSettings.defaults(), Clock.systemUTC()), pcm, 320);
        List<StreamEvent> large = feed(new WakewordEngine(heyNova, SessionSettings.defaults(), Clock.systemUTC()), pcm, 16_000);

        assertThat(small).hasSize(2);
        Detection detection = (Detection) small.get(0);
        assertThat(detection.keyword()).isEqualTo("hey nova");
        assertThat(detection.model()).isEqualTo("open-vocabulary/phonetic-encoder-1.0.0");
        assertThat(detection.score()).isGreaterThanOrEqualTo(OpenVocabularySettings.DEFAULT_THRESHOLD);
        assertThat(detection.triggerPcm()).hasSize((int) (detection.endSample() - detection.startSample()));
        Segment segment = (Segment) small.get(1);
        assertThat(segment.detectionId()).isEqualTo(detection.detectionId());
        assertThat(segment.pcm().length).as("trigger and request").isGreaterThan(detection.triggerPcm().length);
        assertThat(large).hasSize(2);
        Detection again = (Detection) large.get(0);
        assertThat(again.detectionId()).isEqualTo(detection.detectionId());
        assertThat(again.score()).isEqualTo(detection.score());
        assertThat(again.triggerPcm()).isEqualTo(detection.triggerPcm());
        assertThat(((Segment) large.get(1)).pcm()).isEqualTo(segment.pcm());
    }

    @Test
    void theEnrolledPhraseChoosesTheDetectorAndTheTrainedModelKeepsItsOwnPhrase() {
        try (Detector trained = Detectors.open(new ModelRepository(MODELS), "wakeword-hey-jarvis", "", onnx)) {
            EnrollmentRegistry registry = new EnrollmentRegistry();
            EnrolledPhraseDetectors detectors = new EnrolledPhraseDetectors(trained, registry, encoder, pronouncer,
                    OpenVocabularySettings.defaults());

            assertThat(detectors.detectorFor("kitchen")).isSameAs(trained);
            registry.apply("kitchen", enrollment("kitchen", "Hey Nova!"), 1);
            Detector nova = detectors.detectorFor("kitchen");
            assertThat(nova.keyword()).isEqualTo("hey nova");
            assertThat(nova.modelId()).isEqualTo("open-vocabulary/phonetic-encoder-1.0.0");
            registry.apply("hall", enrollment("hall", "Hey Nova!"), 2);
            assertThat(detectors.detectorFor("hall")).as("shared by the phrase's streams").isSameAs(nova);
            registry.apply("kitchen", enrollment("kitchen", "Hey, Jarvis"), 3);
            assertThat(detectors.detectorFor("kitchen")).as("the trained model's phrase").isSameAs(trained);
            registry.apply("hall", null, 4);
            assertThat(detectors.detectorFor("hall")).isSameAs(trained);
        }
    }

    @Test
    void aStreamSwitchesToItsNewPhraseBetweenChunks() throws IOException {
        try (Detector trained = Detectors.open(new ModelRepository(MODELS), "wakeword-hey-jarvis", "", onnx)) {
            EnrollmentRegistry registry = new EnrollmentRegistry();
            WakewordEngine engine = new WakewordEngine(new EnrolledPhraseDetectors(trained, registry, encoder, pronouncer,
                    OpenVocabularySettings.defaults()), SessionSettings.defaults(), Clock.systemUTC());
            short[] silence = new short[16_000];
            short[] heyNova = Pcm16.toShorts(sample("/samples/hey-nova-lights.wav"));

            assertThat(engine.accept(new AudioInput("s", 0, 0, silence, false)).events()).isEmpty();
            assertThat(engine.accept(new AudioInput("s", 1, 16_000, heyNova, false)).events()).as("before enrollment")
                    .isEmpty();
            registry.apply("s", enrollment("s", "hey nova"), 1);
            long at = 16_000 + heyNova.length;
            List<StreamEvent> events = new ArrayList<>(engine.accept(new AudioInput("s", 2, at, heyNova, false)).events());
            events.addAll(engine.accept(new AudioInput("s", 3, at + heyNova.length, silence, true)).events());

            assertThat(events).filteredOn(Detection.class::isInstance).singleElement().satisfies(event -> {
                Detection detection = (Detection) event;
                assertThat(detection.keyword()).isEqualTo("hey nova");
                assertThat(detection.endSample()).isBetween(at, at + heyNova.length);
            });
        }
    }

    private static OpenVocabularyDetector detector(String phrase) {
        OpenVocabularySettings settings = OpenVocabularySettings.defaults();
        return new OpenVocabularyDetector(encoder, PhrasePhones.pronounce(pronouncer, phrase, settings.maxVariants()),
                settings);
    }

    private static List<StreamEvent> feed(WakewordEngine engine, short[] pcm, int chunkSamples) {
        List<StreamEvent> events = new ArrayList<>();
        for (int seq = 0, at = 0; at < pcm.length; seq++, at += chunkSamples) {
            int to = Math.min(at + chunkSamples, pcm.length);
            events.addAll(engine.accept(new AudioInput("s", seq, at, Arrays.copyOfRange(pcm, at, to), to == pcm.length))
                    .events());
        }
        return events;
    }

    private static Enrollment enrollment(String stream, String phrase) {
        return new Enrollment(stream, phrase, List.of(), Instant.EPOCH);
    }

    private static float[] sample(String resource) throws IOException {
        try (InputStream wav = OpenVocabularyDetectorTest.class.getResourceAsStream(resource)) {
            if (wav == null) {
                throw new IOException(resource + " is missing");
            }
            return Mono16k.read(wav);
        }
    }
}
