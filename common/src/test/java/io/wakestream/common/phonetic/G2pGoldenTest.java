package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Java's G2P equals the toolkit's on the words of phonetic/g2p-golden.tsv (held-out CMUdict words and
 * invented ones), written by {@code wakestream_training.phonetic.g2p_train} with the PyTorch model
 * the shipped ONNX graph was exported from.
 */
class G2pGoldenTest {

    /**
     * The fixture rounds to 6 decimals; ONNX Runtime's float32 LSTM differs from PyTorch's by about 1e-6 per
     * frame, summed over up to ~60 frames. A different graph or decoding moves the sum by far more.
     */
    private static final double LOG_PROBABILITY_TOLERANCE = 1e-3;

    @Test
    void javaDecodesWhatPythonDecoded() throws IOException {
        List<String[]> rows = golden();
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            G2p g2p = G2p.open(new ModelRepository(Path.of("../models")).loadLatest(G2p.MODEL_NAME), engine);
            assertThat(rows).hasSizeGreaterThan(50);
            long started = System.nanoTime();
            for (String[] row : rows) {
                G2pPronunciation actual = g2p.pronounce(row[0]);
                assertThat(String.join(" ", actual.phones())).as(row[0]).isEqualTo(row[1]);
                assertThat(actual.logProbability()).as(row[0]).isCloseTo(Double.parseDouble(row[2]),
                        Offset.offset(LOG_PROBABILITY_TOLERANCE));
            }
            // A rough figure for the report, not asserted: the first call includes session warm-up.
            System.out.printf(Locale.ROOT, "g2p: %d words, %.2f ms per word%n", rows.size(),
                    (System.nanoTime() - started) / 1e6 / rows.size());
        }
    }

    private static List<String[]> golden() throws IOException {
        try (InputStream in = G2pGoldenTest.class.getResourceAsStream("/phonetic/g2p-golden.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList();
        }
    }
}
