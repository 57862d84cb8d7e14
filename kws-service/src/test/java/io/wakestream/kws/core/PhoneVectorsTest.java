package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneVectorsTest {

    @TempDir
    Path dir;

    @Test
    void theTestVerifiersTableHasEveryPhoneAsAUnitVector() {
        PhoneVectors vectors = PhoneVectors.read(Path.of("src/test/resources/models/kws-verifier/0.0.0-tiny/phone-vectors.json"));

        assertThat(vectors.dimension()).isEqualTo(8);
        float[] matrix = vectors.matrix(List.of("HH", "EY", "HH"));
        assertThat(matrix).hasSize(24);
        for (int d = 0; d < 8; d++) {
            assertThat(matrix[d]).isEqualTo(matrix[16 + d]);
        }
        assertThatThrownBy(() -> vectors.matrix(List.of("XX"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    void aTableBreakingTheContractIsRefusedNamingTheFile() throws IOException {
        assertRefused("{\"phones\": [\"AA\"], \"dimension\": 2, \"vectors\": [[0.6, 0.6]]}", "L2 norm");
        assertRefused("{\"phones\": [\"QQ\"], \"dimension\": 2, \"vectors\": [[0.6, 0.8]]}", "not a phone");
        assertRefused("{\"phones\": [\"AA\", \"AA\"], \"dimension\": 2, \"vectors\": [[0.6, 0.8], [0.6, 0.8]]}", "twice");
        assertRefused("{\"phones\": [\"AA\"], \"dimension\": 3, \"vectors\": [[0.6, 0.8]]}", "dimension is 3");
        assertRefused("{\"phones\": [\"AA\"], \"vectors\": [[0.6, 0.8]]}", "dimension");
        assertRefused("not json", "cannot read");
    }

    private void assertRefused(String json, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("vectors.json"), json);
        assertThatThrownBy(() -> PhoneVectors.read(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining(message).hasMessageContaining(file.toString());
    }
}
