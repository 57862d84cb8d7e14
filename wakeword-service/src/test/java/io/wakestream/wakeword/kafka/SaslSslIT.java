package io.wakestream.wakeword.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.common.kafka.SaslSslBroker;
import io.wakestream.common.kafka.TopicRecorder;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.wakeword.WakewordServiceApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * wakeword-service against a broker that only speaks SASL_SSL with SCRAM-SHA-512, configured the way an operator
 * does it: Spring Boot's standard {@code spring.kafka.security.*}, {@code spring.kafka.ssl.*} and
 * {@code spring.kafka.properties.sasl.*}. Its consumer, producer and admin client all authenticate; a wrong
 * password is refused; no password reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SaslSslIT {

    @Test
    void theServiceDetectsOverSaslSslWithScramAndLogsNoSecret(CapturedOutput output) throws Exception {
        String servicePassword = "svc-" + UUID.randomUUID();
        String devicePassword = "dev-" + UUID.randomUUID();
        String storePassword = "store-" + UUID.randomUUID();
        try (SaslSslBroker broker = SaslSslBroker.start(Map.of("wakeword-service", servicePassword,
                "device", devicePassword), storePassword)) {
            List<String> arguments = new ArrayList<>(broker.springProperties("wakeword-service", servicePassword));
            arguments.addAll(List.of("--server.port=0", "--wakestream.models.dir=../models",
                    "--wakestream.models.provider=cpu", "--wakestream.topics.partitions=2", "--spring.main.banner-mode=off"));
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder()
                    .sources(WakewordServiceApplication.class).run(arguments.toArray(String[]::new))) {
                Map<String, Object> device = broker.clientProperties("device", devicePassword);
                try (KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(device, new StringSerializer(),
                        new ProtobufSerializer<>())) {
                    for (AudioChunk chunk : TestAudio.chunks("secure-jarvis", "hey-jarvis-timer.wav")) {
                        producer.send(new ProducerRecord<>(TestAudio.AUDIO, chunk.getStreamId(), chunk));
                    }
                }
                assertThat(detections(device))
                        .anySatisfy(detection -> {
                            assertThat(detection.getStreamId()).isEqualTo("secure-jarvis");
                            assertThat(detection.getKeyword()).isEqualTo("hey jarvis");
                        });
            }

            try (Admin intruder = Admin.create(broker.clientProperties("device", "not-" + devicePassword))) {
                assertThatThrownBy(() -> intruder.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
        assertThat(output.getAll()).contains("security.protocol = SASL_SSL")
                .doesNotContain(servicePassword).doesNotContain(devicePassword).doesNotContain(storePassword);
    }

    private static List<WakewordDetection> detections(Map<String, Object> client) throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(client, "voice.detections.v1")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !recorder.on("voice.detections.v1").isEmpty());
            List<WakewordDetection> detections = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : recorder.on("voice.detections.v1")) {
                detections.add(WakewordDetection.parseFrom(record.value()));
            }
            return detections;
        }
    }
}
