package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped verifier (models/kws-verifier, the default version) against the samples its training run wrote:
 * held-out voices, each clip checked against phrases, with the Python pipeline's score
 * (training/wakestream_training/kws/search.py). The Java pipeline must give the same phones and score.
 */
class ShippedKeywordVerifierTest {

    private static final Path MODELS = Path.of("../models");
    private static OnnxEngine engine;
    private static KeywordVerifier verifier;
    private static Path samples;

    @BeforeAll
    static void open() {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        verifier = KeywordVerifier.open(new ModelRepository(MODELS), KeywordVerifierConfig.defaults(), engine);
        String[] id = verifier.modelId().split("/");
        samples = MODELS.resolve(id[0]).resolve(id[1]).resolve("samples");
    }

    @AfterAll
    static void close() {
        verifier.close();
        engine.close();
    }

    @Test
    void everySampleScoresAsInPython() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(Files.readString(samples.resolve("samples.json")));
        assertThat(cases.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode sample : cases) {
            Verification result = verifier.verify(pcm(sample.get("file").asText()), sample.get("phrase").asText());
            List<String> phones = new ArrayList<>();
            sample.get("phones").forEach(p -> phones.add(p.asText()));
            assertThat(result.phones()).as(sample.toString()).isEqualTo(phones);
            // ONNX Runtime's and PyTorch's encoders differ in the last bits; near-tied spans may swap, the best
            // score barely moves
            assertThat(result.score()).as(sample.get("file") + " vs " + sample.get("phrase"))
                    .isCloseTo(sample.get("score").asDouble(), within(2e-3));
        }
    }

    @Test
    void heyJarvisFromHeldOutVoicesIsAcceptedAndHeyCharlieOnTheSameAudioRejected() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(Files.readString(samples.resolve("samples.json")));
        int compared = 0;
        for (JsonNode sample : cases) {
            if (!sample.get("phrase").asText().equals("hey jarvis")) {
                continue;
            }
            byte[] audio = pcm(sample.get("file").asText());
            assertThat(verifier.verify(audio, "hey jarvis").accepted()).as(sample.get("file") + " vs hey jarvis").isTrue();
            assertThat(verifier.verify(audio, "hey charlie").accepted()).as(sample.get("file") + " vs hey charlie").isFalse();
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    private static byte[] pcm(String file) throws IOException {
        try (InputStream wav = Files.newInputStream(samples.resolve(file))) {
            return Pcm16.toBytes(Mono16k.read(wav));
        }
    }
}
