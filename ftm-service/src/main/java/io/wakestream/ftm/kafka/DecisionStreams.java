package io.wakestream.ftm.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the decision topology as a {@link KafkaStreams} client for the application's lifetime, with its client
 * metrics bound to Micrometer. Started after every bean (the topics are created by then) and stopped before the
 * decider closes.
 *
 * <p>An exception that escapes the topology stops the client (state {@code ERROR}), which readiness reports: with
 * exactly-once processing the failed record would only be retried by a replacement thread, again and again.
 */
public class DecisionStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Map<String, Object> properties;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics clientMetrics;

    /** @param properties the Kafka Streams configuration, {@code application.id} and {@code bootstrap.servers} included */
    public DecisionStreams(Topology topology, Map<String, Object> properties, MeterRegistry meters) {
        this.topology = topology;
        this.properties = Map.copyOf(properties);
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        Properties config = new Properties();
        config.putAll(properties);
        KafkaStreams client = new KafkaStreams(topology, config);
        client.setUncaughtExceptionHandler(failure -> {
            LOG.error("The decision topology failed; Kafka Streams shuts down", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        client.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
        clientMetrics = new KafkaStreamsMetrics(client);
        clientMetrics.bindTo(meters);
        client.start();
        streams = client;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams client = streams;
        if (client != null) {
            client.close(CLOSE_TIMEOUT);
            clientMetrics.close();
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The client's state; {@code NOT_RUNNING} before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams client = streams;
        return client == null ? KafkaStreams.State.NOT_RUNNING : client.state();
    }
}
