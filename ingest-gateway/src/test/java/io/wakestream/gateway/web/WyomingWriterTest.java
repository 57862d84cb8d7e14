package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.gateway.core.WyomingCodec;
import io.wakestream.gateway.core.WyomingEvent;
import java.io.BufferedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WyomingWriterTest {

    private final WyomingCodec codec = new WyomingCodec(JsonMapper.builder().build(), 1 << 20);

    @Test
    void aClientThatReadsNothingIsDisconnectedInsteadOfQueuingWithoutBound() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            WyomingWriter writer = new WyomingWriter(accepted, new BufferedOutputStream(accepted.getOutputStream()), codec);
            WyomingEvent large = new WyomingEvent("audio-chunk", null, new byte[256 * 1024]);
            int sent = 0;
            while (sent < 10_000 && writer.send(large)) {
                sent++;
            }

            assertThat(sent).isLessThan(10_000);
            assertThat(accepted.isClosed()).isTrue();
            writer.close();
        }
    }

    @Test
    void queuedEventsAreWrittenInOrderBeforeTheWriterStops() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            WyomingWriter writer = new WyomingWriter(accepted, new BufferedOutputStream(accepted.getOutputStream()), codec);
            assertThat(writer.send(new WyomingEvent("detection"))).isTrue();
            assertThat(writer.send(new WyomingEvent("not-detected"))).isTrue();
            writer.close();

            assertThat(codec.read(client.getInputStream()).type()).isEqualTo("detection");
            assertThat(codec.read(client.getInputStream()).type()).isEqualTo("not-detected");
        }
    }
}
