package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Producers that start before the broker answers, and many at once against one broker. */
class AudioStreamerIT {

    private static final String TOPIC = "voice.audio.v1";

    @Test
    void aBrokerThatComesUpAfterTheFirstAttemptIsFoundByTheNext() throws Exception {
        int port = freePort();
        List<String> failedAttempts = new ArrayList<>();
        List<LocalKafkaBroker> started = new ArrayList<>();
        try (AudioStreamer streamer = new AudioStreamer(Map.of("bootstrap.servers", "localhost:" + port), TOPIC,
                new TopicWait(Duration.ofSeconds(3), 5))) {
            streamer.awaitTopic(attempt -> {
                failedAttempts.add(attempt);
                if (started.isEmpty()) {
                    started.add(startBroker(port));
                }
            });

            assertThat(failedAttempts).isNotEmpty().first().asString()
                    .startsWith("attempt 1 of 5: topic voice.audio.v1 not in the metadata of localhost:" + port);
            assertThat(streamer.stream("late-broker", new float[4_800], 100, 1_000.0)).isEqualTo(3);
        } finally {
            started.forEach(LocalKafkaBroker::close);
        }
    }

    @Test
    void tenProducersStartedAtOnceAllDeliver() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, 2)) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String streamId = "parallel-" + i;
                    sent.add(pool.submit((Callable<Integer>) () -> {
                        try (AudioStreamer streamer = new AudioStreamer(broker.bootstrap(), TOPIC)) {
                            streamer.awaitTopic(System.err::println);
                            return streamer.stream(streamId, new float[16_000], 100, 1_000.0);
                        }
                    }));
                }
                for (Future<Integer> chunks : sent) {
                    assertThat(chunks.get()).isEqualTo(10);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static LocalKafkaBroker startBroker(int port) {
        try {
            return LocalKafkaBroker.start(port, 2);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the broker on port " + port, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
