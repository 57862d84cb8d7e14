package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.TokenVerifier;
import io.wakestream.gateway.core.WyomingCodec;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WyomingServerTest {

    private static final GatewayProperties PROPERTIES = new GatewayProperties(List.of(), 64, 64, 100, 1.5,
            Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, "",
            new GatewayProperties.Wyoming(true, 0, true, GatewayProperties.DetectionSource.DETECTION,
                    Duration.ofMinutes(5), "hey_jarvis"));

    @Test
    void stoppingEndsTheAcceptorWithoutAnErrorEveryTime() {
        Queue<Throwable> uncaught = new ConcurrentLinkedQueue<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        try {
            // no client connects: the sessions' collaborators are never used
            WyomingServer server = new WyomingServer(PROPERTIES, null, new TokenVerifier(List.of()),
                    new WyomingCodec(JsonMapper.builder().build(), 1 << 20));
            for (int i = 0; i < 50; i++) {
                server.start();
                assertThat(server.port()).isPositive();
                server.stop();

                assertThat(server.isRunning()).isFalse();
                assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("wyoming-accept"));
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).isEmpty();
    }
}
