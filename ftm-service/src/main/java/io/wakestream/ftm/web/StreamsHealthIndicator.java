package io.wakestream.ftm.web;

import io.wakestream.ftm.kafka.DecisionStreams;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness: the Kafka Streams client that joins and decides is {@code RUNNING}. While it starts or rebalances it
 * is out of service; after a fatal error ({@code ERROR}) or a stop it is down.
 */
@Component("streams")
public class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final DecisionStreams streams;

    public StreamsHealthIndicator(DecisionStreams streams) {
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.RUNNING) {
            builder.up();
        } else if (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED) {
            builder.outOfService();
        } else {
            builder.down();
        }
        builder.withDetail("state", state.name());
    }
}
