package io.wakestream.wakeword.kafka;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.events.AudioChunks;
import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.AudioChunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The bundled TTS samples, and producers that send chunks or raw bytes to the audio topic. */
final class TestAudio {

    static final String AUDIO = "voice.audio.v1";

    private TestAudio() {
    }

    static float[] sample(String file) throws IOException {
        try (InputStream wav = TestAudio.class.getResourceAsStream("/samples/" + file)) {
            if (wav == null) {
                throw new IOException("bundled sample " + file + " is missing");
            }
            return Mono16k.read(wav);
        }
    }

    static List<AudioChunk> chunks(String streamId, String file) throws IOException {
        return AudioChunks.split(streamId, sample(file), 1600);
    }

    static void send(String bootstrap, List<AudioChunk> chunks) {
        try (KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ProtobufSerializer<>())) {
            chunks.forEach(chunk -> producer.send(new ProducerRecord<>(AUDIO, chunk.getStreamId(), chunk)));
        }
    }

    static void sendRaw(String bootstrap, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(AUDIO, key, value));
        }
    }
}
