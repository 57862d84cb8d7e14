package io.wakestream.common.phonetic;

import io.wakestream.common.audio.WavAudio;
import io.wakestream.common.audio.WavReader;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phonetic encoder's golden fixture (common/src/test/resources/phonetic, written by
 * {@code python3 -m wakestream_training.phonetic.golden} in training/) and the tiny test model it was
 * made with (common/src/test/resources/models/phonetic-encoder/0.0.0-tiny).
 */
final class EncoderGolden {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final String TINY_VERSION = "0.0.0-tiny";

    final JsonNode json;
    final float[] samples;

    private EncoderGolden(JsonNode json, float[] samples) {
        this.json = json;
        this.samples = samples;
    }

    static EncoderGolden load() {
        try (InputStream in = EncoderGolden.class.getResourceAsStream("/phonetic/encoder-golden.json");
             InputStream wav = EncoderGolden.class.getResourceAsStream("/phonetic/encoder-golden.wav")) {
            WavAudio audio = WavReader.read(wav);
            return new EncoderGolden(JsonMapper.builder().build().readTree(in), audio.channels()[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CPU engine with one thread each, as a service stream runs. */
    static OnnxEngine engine() {
        return new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0));
    }

    static PhoneticEncoder openTiny(OnnxEngine engine, int outputsPerCall) {
        return PhoneticEncoder.open(new ModelRepository(MODELS),
                new PhoneticEncoderConfig(PhoneticEncoderConfig.DEFAULT_MODEL, TINY_VERSION, outputsPerCall), engine);
    }

    float[][] logProbs() {
        return rows("log_probs");
    }

    float[][] embeddings() {
        return rows("embeddings");
    }

    private float[][] rows(String name) {
        JsonNode rows = json.get(name);
        float[][] values = new float[rows.size()][];
        for (int t = 0; t < values.length; t++) {
            values[t] = new float[rows.get(t).size()];
            for (int i = 0; i < values[t].length; i++) {
                values[t][i] = (float) rows.get(t).get(i).asDouble();
            }
        }
        return values;
    }
}
