package io.wakestream.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.wakestream.common.events.EventJson;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.KeywordEnrollment;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics and hands each record to a printer as one JSON line. */
final class EventTail implements AutoCloseable {

    /** The value type of each default topic; a dead-letter topic's records are shown as their size. */
    private static final Map<String, Parser<? extends Message>> PARSERS = Map.of(
            "voice.audio.v1", AudioChunk.parser(),
            "voice.detections.v1", WakewordDetection.parser(),
            "voice.segments.v1", TriggerSegment.parser(),
            "voice.verifications.v1", KeywordVerification.parser(),
            "voice.lattices.v1", Lattice.parser(),
            "voice.decisions.v1", TriggerDecision.parser(),
            "voice.keywords.v1", KeywordEnrollment.parser());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;

    EventTail(String bootstrap, List<String> topics, boolean fromBeginning) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topics, fromBeginning);
    }

    /** @param client the consumer's connection settings: {@code bootstrap.servers} and any security settings */
    EventTail(Map<String, Object> client, List<String> topics, boolean fromBeginning) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "wakestream-tail-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    static boolean knows(String topic) {
        return PARSERS.containsKey(topic) || topic.endsWith("-dlt");
    }

    /** Polls once, handing every record's topic and JSON to the printer; returns how many were printed. */
    int poll(Duration timeout, BiConsumer<String, String> printer) {
        int printed = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            printer.accept(record.topic(), toJson(record));
            printed++;
        }
        return printed;
    }

    /** Joins the group and gets partitions assigned, so that "latest" means from now on. */
    void awaitAssignment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static String toJson(ConsumerRecord<String, byte[]> record) {
        Parser<? extends Message> parser = PARSERS.get(record.topic());
        if (parser != null) {
            try {
                return EventJson.toJson(parser.parseFrom(record.value()));
            } catch (InvalidProtocolBufferException e) {
                // Shown like a dead letter: the record is there, only its content is not an event.
            }
        }
        ObjectNode raw = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("key", record.key())
                .put("offset", record.offset())
                .put("value_bytes", record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            if (header.key().startsWith("wakestream-")) {
                raw.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return raw.toString();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
