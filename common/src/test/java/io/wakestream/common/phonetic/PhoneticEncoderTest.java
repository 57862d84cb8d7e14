package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelNotFoundException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a phonetic encoder: the manifest's streaming parameters and phone list, checked against the graph and the phone set. */
class PhoneticEncoderTest {

    private static final Path TINY = EncoderGolden.MODELS.resolve("phonetic-encoder").resolve(EncoderGolden.TINY_VERSION);

    private final OnnxEngine engine = EncoderGolden.engine();

    @TempDir
    Path root;

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void loadsTheNewestVersionWithItsStreamingParameters() {
        try (PhoneticEncoder encoder = PhoneticEncoder.open(new ModelRepository(EncoderGolden.MODELS),
                PhoneticEncoderConfig.defaults(), engine)) {
            EncoderSpec spec = encoder.spec();

            assertThat(encoder.modelId()).isEqualTo("phonetic-encoder/" + EncoderGolden.TINY_VERSION);
            assertThat(spec.nMels()).isEqualTo(80);
            assertThat(spec.subsampling()).isEqualTo(2);
            assertThat(spec.leftContext()).isEqualTo(85);
            assertThat(spec.lookahead()).isEqualTo(29);
            assertThat(spec.receptive()).isEqualTo(116);
            assertThat(spec.outputFrameMs()).isEqualTo(20);
            assertThat(spec.phones()).hasSize(40).startsWith("<blank>", "AA").endsWith("ZH").isEqualTo(PhoneSet.arpabet().phones());
            assertThat(encoder.embeddingSize()).isEqualTo(8);
            assertThat(encoder.outputsPerCall()).isEqualTo(PhoneticEncoderConfig.DEFAULT_OUTPUTS_PER_CALL);
        }
    }

    @Test
    void aClosedEncoderRefusesStreams() {
        PhoneticEncoder encoder = EncoderGolden.openTiny(engine, 4);
        PhoneticStream stream = encoder.newStream();
        encoder.close();

        assertThatThrownBy(encoder::newStream).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> stream.acceptSamples(new float[16000])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void phonesThatDifferFromThePhoneSetAreRefused() throws IOException {
        copyTiny(manifest -> manifest.replace("\"ZH\"", "\"ZZ\""));

        assertThatThrownBy(this::openCopy).isInstanceOf(ModelException.class)
                .hasMessageContaining("declares the phones").hasMessageContaining("ZZ").hasMessageContaining("arpabet.txt");
    }

    @Test
    void streamingParametersThatDoNotAddUpAreRefused() throws IOException {
        copyTiny(manifest -> manifest.replace("\"receptive_frames\": 116", "\"receptive_frames\": 117"));

        assertThatThrownBy(this::openCopy).isInstanceOf(ModelException.class).hasMessageContaining("receptive_frames 117");
    }

    @Test
    void otherTasksAndMissingParametersAreRefused() throws IOException {
        copyTiny(manifest -> manifest.replace("\"task\": \"phonetic-encoder\"", "\"task\": \"wakeword\""));
        assertThatThrownBy(this::openCopy).isInstanceOf(ModelException.class).hasMessageContaining("task wakeword");

        copyTiny(manifest -> manifest.replace("\"lookahead_frames\": 29,", ""));
        assertThatThrownBy(this::openCopy).isInstanceOf(ModelException.class).hasMessageContaining("lookahead_frames");
    }

    @Test
    void nMelsThatDifferFromTheGraphAreRefused() throws IOException {
        copyTiny(manifest -> manifest.replace("\"n_mels\": 80", "\"n_mels\": 40"));

        assertThatThrownBy(this::openCopy).isInstanceOf(ModelException.class)
                .hasMessageContaining("features [1, T, 40]").hasMessageContaining("[1, -1, 80]");
    }

    @Test
    void aMissingModelNamesWhereItWasLookedFor() {
        assertThatThrownBy(() -> PhoneticEncoder.open(new ModelRepository(root), PhoneticEncoderConfig.defaults(), engine))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("phonetic-encoder");
    }

    private void copyTiny(UnaryOperator<String> editManifest) throws IOException {
        Path target = root.resolve("phonetic-encoder").resolve(EncoderGolden.TINY_VERSION);
        Files.createDirectories(target);
        Files.copy(TINY.resolve("model.onnx"), target.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.resolve("manifest.json"), editManifest.apply(Files.readString(TINY.resolve("manifest.json"))));
    }

    // A fresh repository and engine each time: both cache what they loaded.
    private void openCopy() {
        try (OnnxEngine fresh = EncoderGolden.engine()) {
            PhoneticEncoder.open(new ModelRepository(root),
                    new PhoneticEncoderConfig("phonetic-encoder", EncoderGolden.TINY_VERSION, 1), fresh).close();
        }
    }
}
