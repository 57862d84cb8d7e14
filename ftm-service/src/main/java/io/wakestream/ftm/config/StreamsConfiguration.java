package io.wakestream.ftm.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.KafkaHealthConfiguration;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.ftm.core.TriggerDecider;
import io.wakestream.ftm.kafka.DecisionStreams;
import io.wakestream.ftm.kafka.DecisionTopology;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The decision topology and the Kafka Streams client that runs it, configured by Boot's
 * {@code spring.kafka.streams.*} properties (application id, state directory, replication factor of the internal
 * topics, {@code processing.guarantee} among the free-form properties); the dead-letter topics it writes that
 * common does not declare; the cluster's readiness check.
 */
@Configuration(proxyBeanMethods = false)
@Import({KafkaHealthConfiguration.class})
public class StreamsConfiguration {

    @Bean
    DecisionTopology decisionTopology(TopicsProperties topics, TriggerDecider decider, FtmProperties properties,
                                      FtmMetrics metrics) {
        return new DecisionTopology(topics, decider, properties.joinSettings(), metrics);
    }

    @Bean
    DecisionStreams decisionStreams(DecisionTopology topology, KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> properties = kafka.buildStreamsProperties();
        if (!(properties.get(StreamsConfig.APPLICATION_ID_CONFIG) instanceof String id) || id.isBlank()) {
            throw new IllegalStateException("spring.kafka.streams.application-id must be set: it names the consumer"
                    + " group, the transactional ids and the state store changelog topics");
        }
        return new DecisionStreams(topology.build(), properties, meters);
    }

    /** Dead-letter topics of the verifications and lattices, which only this service writes. */
    @Bean
    @ConditionalOnProperty(prefix = "wakestream.topics", name = "create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics ftmDeadLetterTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(deadLetterTopic(topics, topics.verifications()),
                deadLetterTopic(topics, topics.lattices()));
    }

    private static NewTopic deadLetterTopic(TopicsProperties topics, String topic) {
        return TopicBuilder.name(topics.deadLetter(topic))
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.eventRetention().toMillis())))
                .build();
    }
}
