package io.wakestream.cli.bench;

import java.util.List;

/**
 * A service's consumer group whose lag the harness follows.
 *
 * @param service the service's name, as reports show it
 * @param groupId the group id (a service's {@code spring.kafka.consumer.group-id}, or a Kafka Streams application id)
 * @param topics  the topics it consumes
 */
public record ConsumerGroup(String service, String groupId, List<String> topics) {

    /** wakeword-service's group on the audio topic: its lag counts audio chunks. */
    public static final ConsumerGroup WAKEWORD = new ConsumerGroup("wakeword-service", "wakeword-service", List.of("voice.audio.v1"));

    /** The later stages' groups, as the services configure them. */
    public static final List<ConsumerGroup> LATER_STAGES = List.of(
            new ConsumerGroup("kws-service", "kws-service", List.of("voice.detections.v1")),
            new ConsumerGroup("asr-lattice-service", "asr-lattice-service", List.of("voice.segments.v1")),
            new ConsumerGroup("ftm-service", "ftm-service",
                    List.of("voice.detections.v1", "voice.verifications.v1", "voice.lattices.v1")));
}
