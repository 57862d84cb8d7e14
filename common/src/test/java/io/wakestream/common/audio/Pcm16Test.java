package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void everyInt16SurvivesARoundTripThroughFloat() {
        for (int value = Short.MIN_VALUE; value <= Short.MAX_VALUE; value++) {
            assertThat(Pcm16.toShort(Pcm16.toFloat((short) value))).isEqualTo((short) value);
        }
    }

    @Test
    void roundsToTheNearestStepAndClips() {
        assertThat(Pcm16.toShort(0.4f / 32768)).isEqualTo((short) 0);
        assertThat(Pcm16.toShort(0.6f / 32768)).isEqualTo((short) 1);
        assertThat(Pcm16.toShort(-0.6f / 32768)).isEqualTo((short) -1);
        assertThat(Pcm16.toShort(1f)).isEqualTo(Short.MAX_VALUE);
        assertThat(Pcm16.toShort(7.5f)).isEqualTo(Short.MAX_VALUE);
        assertThat(Pcm16.toShort(-1f)).isEqualTo(Short.MIN_VALUE);
        assertThat(Pcm16.toShort(-3f)).isEqualTo(Short.MIN_VALUE);
        assertThat(Pcm16.toShort(Float.NaN)).isEqualTo((short) 0);
    }

    @Test
    void bytesAreLittleEndian() {
        byte[] pcm = Pcm16.toBytes(new float[] {1f / 32768, -1f / 32768, 0.5f, -1f});

        assertThat(pcm).containsExactly(0x01, 0x00, 0xFF, 0xFF, 0x00, 0x40, 0x00, 0x80);
        assertThat(Pcm16.toFloats(pcm)).containsExactly(1f / 32768, -1f / 32768, 0.5f, -1f);
        assertThat(Pcm16.toFloats(ByteString.copyFrom(pcm))).containsExactly(1f / 32768, -1f / 32768, 0.5f, -1f);
        assertThat(Pcm16.toByteString(new float[] {0.5f}).toByteArray()).containsExactly(0x00, 0x40);
    }

    @Test
    void decodesIntoAnOffsetOfAnExistingArray() {
        float[] out = new float[4];
        Pcm16.toFloats(new byte[] {0, 0, 0x00, 0x40, 0x00, (byte) 0xC0}, 2, out, 1, 2);

        assertThat(out).containsExactly(0f, 0.5f, -0.5f, 0f);
    }

    @Test
    void refusesAnOddByteCount() {
        assertThatThrownBy(() -> Pcm16.toFloats(new byte[3])).hasMessageContaining("3 bytes of PCM_S16LE");
    }
}
