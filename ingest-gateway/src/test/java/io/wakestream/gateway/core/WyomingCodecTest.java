package io.wakestream.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class WyomingCodecTest {

    private final WyomingCodec codec = new WyomingCodec(JsonMapper.builder().build(), 1000);

    @Test
    void dataInlineAndAsASeparateBlockAreMergedAndThePayloadFollows() throws Exception {
        String block = "{\"rate\":16000,\"width\":2}";
        InputStream in = stream("{\"type\":\"audio-chunk\",\"data\":{\"channels\":1,\"rate\":8000},\"data_length\":"
                + block.length() + ",\"payload_length\":4}\n" + block + "abcd" + "{\"type\":\"describe\"}\n");

        WyomingEvent chunk = codec.read(in);
        assertThat(chunk.type()).isEqualTo("audio-chunk");
        assertThat(chunk.integer("rate")).isEqualTo(16000);
        assertThat(chunk.integer("channels")).isEqualTo(1);
        assertThat(new String(chunk.payload(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
        assertThat(codec.read(in).type()).isEqualTo("describe");
        assertThat(codec.read(in)).isNull();
    }

    @Test
    void writtenEventsReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(new WyomingEvent("detection", JsonNodeFactory.instance.objectNode().put("name", "hey_jarvis")
                .put("timestamp", 1615), null), out);
        codec.write(new WyomingEvent("not-detected"), out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"type\":\"detection\",\"version\":\"" + WyomingCodec.VERSION + "\",\"data_length\":");
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        WyomingEvent detection = codec.read(in);
        assertThat(detection.text("name")).isEqualTo("hey_jarvis");
        assertThat(detection.integer("timestamp")).isEqualTo(1615);
        assertThat(codec.read(in).type()).isEqualTo("not-detected");
    }

    @Test
    void malformedEventsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> codec.read(stream("not json\n"))).isInstanceOf(RejectedException.class)
                .hasMessage("malformed Wyoming event: the header is not JSON: not json");
        assertThatThrownBy(() -> codec.read(stream("{\"data\":{}}\n"))).hasMessage("malformed Wyoming event: the header has no type");
        assertThatThrownBy(() -> codec.read(stream("{\"type\":\"audio-chunk\",\"payload_length\":5000}\n")))
                .hasMessage("malformed Wyoming event: payload_length 5000 is not a length of 0..1000 bytes");
        assertThatThrownBy(() -> codec.read(stream("{\"type\":\"x\",\"data_length\":3}\n[1]")))
                .hasMessage("malformed Wyoming event: the data block is not a JSON object");
        assertThatThrownBy(() -> codec.read(stream("{\"type\":\"audio-chunk\",\"payload_length\":10}\nabc")))
                .isInstanceOf(EOFException.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
