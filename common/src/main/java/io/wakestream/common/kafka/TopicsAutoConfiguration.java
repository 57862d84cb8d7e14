package io.wakestream.common.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the pipeline's topics so that KafkaAdmin creates the missing ones at start-up. */
@AutoConfiguration
@EnableConfigurationProperties(TopicsProperties.class)
public class TopicsAutoConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "wakestream.topics", name = "create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics wakestreamTopics(TopicsProperties topics) {
        String audioRetention = Long.toString(topics.audioRetention().toMillis());
        String eventRetention = Long.toString(topics.eventRetention().toMillis());
        return new KafkaAdmin.NewTopics(
                topic(topics, topics.audio(), audioRetention),
                topic(topics, topics.deadLetter(topics.audio()), eventRetention),
                topic(topics, topics.detections(), eventRetention),
                topic(topics, topics.deadLetter(topics.detections()), eventRetention),
                topic(topics, topics.segments(), audioRetention),
                topic(topics, topics.deadLetter(topics.segments()), eventRetention),
                topic(topics, topics.verifications(), eventRetention),
                topic(topics, topics.lattices(), eventRetention),
                topic(topics, topics.decisions(), eventRetention),
                TopicBuilder.name(topics.keywords())
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .compact()
                        .build());
    }

    private static NewTopic topic(TopicsProperties topics, String name, String retentionMs) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs))
                .build();
    }
}
