package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.kafka.SaslSslBroker;
import io.wakestream.common.kafka.TopicRecorder;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stream} against a cluster that only speaks SASL_SSL with SCRAM, given the client properties file Kafka's own
 * tools take ({@code --kafka-config}); wrong credentials are a clear error, not minutes of retries.
 */
class SecuredKafkaCommandsIT {

    @TempDir
    Path directory;

    @Test
    void streamProducesOverSaslSslWithTheClientPropertiesFileAndSaysWhenTheCredentialsAreRefused() throws Exception {
        String password = "dev-" + UUID.randomUUID();
        try (SaslSslBroker broker = SaslSslBroker.start(Map.of("device", password), "store-" + UUID.randomUUID())) {
            Path wav = directory.resolve("hey-jarvis-timer.wav");
            try (InputStream sample = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
                Files.copy(sample, wav);
            }
            Path config = clientConfig("device.properties", broker.clientProperties("device", password));
            CommandOutcome streamed = run("stream", "--bootstrap", broker.bootstrap(), "--kafka-config", config.toString(),
                    "--stream-id", "secured-1", "--speed", "50", wav.toString());
            assertThat(streamed.status()).as(streamed.err()).isZero();
            assertThat(chunksOf("secured-1", broker.clientProperties("device", password))).isPositive();

            Path wrong = clientConfig("wrong.properties", broker.clientProperties("device", "not-" + password));
            CommandOutcome refused = run("stream", "--bootstrap", broker.bootstrap(), "--kafka-config", wrong.toString(),
                    "--stream-id", "secured-2", wav.toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("the Kafka broker at " + broker.bootstrap() + " refused the credentials of "
                    + wrong, "SCRAM-SHA-512").doesNotContain(password);
        }
    }

    private Path clientConfig(String name, Map<String, Object> client) throws Exception {
        Properties properties = new Properties();
        client.forEach((key, value) -> {
            if (!key.equals("bootstrap.servers")) {
                properties.setProperty(key, value.toString());
            }
        });
        Path file = directory.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static int chunksOf(String streamId, Map<String, Object> client) throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(client, "voice.audio.v1")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count(recorder, streamId) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return count(recorder, streamId);
        }
    }

    private static int count(TopicRecorder recorder, String streamId) {
        return (int) recorder.on("voice.audio.v1").stream().filter(record -> streamId.equals(record.key())).count();
    }

    private static CommandOutcome run(String... args) {
        return CommandOutcome.capture(() -> WakestreamCommand.create().execute(args));
    }
}
