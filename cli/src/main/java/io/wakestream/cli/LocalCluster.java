package io.wakestream.cli;

import io.wakestream.wakeword.WakewordServiceApplication;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A single-node KRaft broker in this process plus the services, for a laptop. */
final class LocalCluster implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final ConfigurableApplicationContext wakeword;

    private LocalCluster(EmbeddedKafkaKraftBroker broker, ConfigurableApplicationContext wakeword) {
        this.broker = broker;
        this.wakeword = wakeword;
    }

    /**
     * Starts the broker on {@code port} (0 picks a free one), then the services against it.
     *
     * @param serviceProperties Spring properties passed to every service, e.g. the models directory
     */
    static LocalCluster start(int port, int partitions, Map<String, Object> serviceProperties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperty("auto.create.topics.enable", "false");
        PrintStream stdout = System.out;
        // Kafka's storage formatter prints to standard output, which belongs to the commands' JSON lines.
        System.setOut(System.err);
        try {
            broker.afterPropertiesSet();
        } finally {
            System.setOut(stdout);
        }
        try {
            Map<String, Object> properties = new HashMap<>(serviceProperties);
            properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
            properties.put("wakestream.topics.partitions", partitions);
            properties.put("spring.main.banner-mode", "off");
            ConfigurableApplicationContext wakeword = new SpringApplicationBuilder(WakewordServiceApplication.class)
                    .properties(properties)
                    .run();
            return new LocalCluster(broker, wakeword);
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
    }

    String bootstrap() {
        return broker.getBrokersAsString();
    }

    /** Where wakeword-service's HTTP endpoints (actuator) listen. */
    String wakewordUrl() {
        return "http://localhost:" + wakeword.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        wakeword.close();
        broker.destroy();
    }
}
