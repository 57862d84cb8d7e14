package io.wakestream.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.gateway.GatewayTest;
import io.wakestream.gateway.IngestGatewayApplication;
import io.wakestream.gateway.Results;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two gateway instances, as two replicas of a Deployment: each reads every partition of the detections and
 * decisions, in a consumer group of its own, since a device's results may be on any partition and the device is
 * connected to one instance only.
 */
@GatewayTest
class ResultGroupsIT {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void everyInstanceReadsEveryPartitionOfTheResultsInAGroupOfItsOwn() {
        try (ConfigurableApplicationContext second = IngestGatewayApplication.builder().run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                "--wakestream.gateway.wyoming.port=0", "--wakestream.topics.partitions=2",
                "--spring.main.banner-mode=off")) {
            KafkaListenerEndpointRegistry secondListeners = second.getBean(KafkaListenerEndpointRegistry.class);

            // in one shared group the two instances would split the 2 partitions of each topic between them
            Results.awaitListeners(secondListeners, 2);
            Results.awaitListeners(listeners, 2);

            for (String id : new String[] {ResultListener.DETECTIONS_ID, ResultListener.DECISIONS_ID}) {
                String group = listeners.getListenerContainer(id).getGroupId();
                assertThat(group).startsWith("ingest-gateway-")
                        .isNotEqualTo(secondListeners.getListenerContainer(id).getGroupId());
            }
        }
    }
}
