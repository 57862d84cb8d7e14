package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recognizer with the shipped encoder and language model on a bundled sample. The encoder is weak, so the
 * checks are structural: a non-empty lattice, a non-empty 1-best, posteriors in [0, 1], and the cut of a long
 * segment.
 */
class SegmentRecognizerTest {

    static final Path MODELS = Path.of("../models");
    static final Path SAMPLE = Path.of("../common/src/main/resources/samples/hey-jarvis-timer.wav");

    private static OnnxEngine engine;
    private static SegmentRecognizer recognizer;
    private static float[] audio;

    @BeforeAll
    static void open() throws Exception {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        recognizer = SegmentRecognizer.open(new ModelRepository(MODELS), SegmentRecognizerConfig.defaults(), engine);
        audio = Mono16k.read(SAMPLE);
    }

    @AfterAll
    static void close() {
        recognizer.close();
        engine.close();
    }

    @Test
    void theBundledSampleGivesAWellFormedLattice() {
        Recognition recognition = recognizer.recognizePcm16(Pcm16.toBytes(audio));
        Lattice lattice = recognition.lattice();
        System.out.printf("%s: %d arcs, rtf %.3f: %s%n", SAMPLE.getFileName(), lattice.arcs().size(),
                recognition.realTimeFactor(), lattice.oneBestText());
        assertThat(recognition.truncated()).isFalse();
        assertThat(recognition.decodedSamples()).isEqualTo(audio.length);
        assertThat(lattice.isEmpty()).isFalse();
        assertThat(lattice.oneBest()).isNotEmpty();
        assertThat(lattice.arcs()).allSatisfy(arc -> assertThat(arc.posterior()).isBetween(0.0, 1.0));
        assertThat(lattice.model()).isEqualTo("phonetic-encoder/1.0.0+lm-requests/1.0.0").isEqualTo(recognizer.modelId());

        io.wakestream.events.v1.Lattice event = recognition.toProto("d-1");
        assertThat(event.getDetectionId()).isEqualTo("d-1");
        assertThat(event.getArcsCount()).isEqualTo(lattice.arcs().size());
        assertThat(event.getOneBest()).isEqualTo(lattice.oneBestText()).isNotBlank();
        assertThat(event.getTruncated()).isFalse();
        assertThat(event.getDecodedSamples()).isEqualTo(audio.length);
        assertThat(event.getFrameMs()).isEqualTo(20);
    }

    @Test
    void aSegmentLongerThanTheMaximumIsCutAndFlagged() {
        int max = 16_000;
        try (SegmentRecognizer shortOne = SegmentRecognizer.open(new ModelRepository(MODELS),
                SegmentRecognizerConfig.defaults().withMaxSegmentSamples(max), engine)) {
            Recognition cut = shortOne.recognize(audio);
            assertThat(audio.length).isGreaterThan(max);
            assertThat(cut.truncated()).isTrue();
            assertThat(cut.segmentSamples()).isEqualTo(audio.length);
            assertThat(cut.decodedSamples()).isEqualTo(max);
            // 1 s is at most 50 encoder outputs of 20 ms (the whole clip about 200)
            assertThat(cut.lattice().frames()).isBetween(45, 50);
            io.wakestream.events.v1.Lattice event = cut.toProto("d-long");
            assertThat(event.getTruncated()).isTrue();
            assertThat(event.getDecodedSamples()).isEqualTo(max);

            // the cut decodes exactly what the first second alone decodes
            Recognition first = shortOne.recognize(Arrays.copyOf(audio, max));
            assertThat(first.truncated()).isFalse();
            assertThat(first.lattice()).isEqualTo(cut.lattice());
        }
    }

    @Test
    void oddPcmAndAClosedRecognizerAreRefused() {
        assertThatThrownBy(() -> recognizer.recognizePcm16(new byte[3])).isInstanceOf(IllegalArgumentException.class);
        SegmentRecognizer other = SegmentRecognizer.open(new ModelRepository(MODELS), SegmentRecognizerConfig.defaults(), engine);
        other.close();
        assertThat(other.isOpen()).isFalse();
        assertThatThrownBy(() -> other.recognize(new float[1600])).isInstanceOf(IllegalStateException.class);
    }
}
