package io.wakestream.cli;

import io.wakestream.wakeword.WakewordServiceApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A single-node KRaft broker in this process plus the services, for a laptop. */
final class LocalCluster implements AutoCloseable {

    private final LocalKafkaBroker broker;
    private final ConfigurableApplicationContext wakeword;

    private LocalCluster(LocalKafkaBroker broker, ConfigurableApplicationContext wakeword) {
        this.broker = broker;
        this.wakeword = wakeword;
    }

    /**
     * Starts the broker on {@code port} (0 picks a free one), then the services against it.
     *
     * @param serviceProperties Spring properties passed to every service, e.g. the models directory
     */
    static LocalCluster start(int port, int partitions, Map<String, Object> serviceProperties) throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.start(port, partitions);
        try {
            Map<String, Object> properties = new HashMap<>(serviceProperties);
            properties.put("spring.kafka.bootstrap-servers", broker.bootstrap());
            properties.put("wakestream.topics.partitions", partitions);
            properties.put("spring.main.banner-mode", "off");
            // Command-line arguments outrank the service's application.yml; default properties would not.
            String[] arguments = properties.entrySet().stream()
                    .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext wakeword = new SpringApplicationBuilder(WakewordServiceApplication.class)
                    .main(WakewordServiceApplication.class)
                    .run(arguments);
            return new LocalCluster(broker, wakeword);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrap() {
        return broker.bootstrap();
    }

    /** Where wakeword-service's HTTP endpoints (actuator) listen. */
    String wakewordUrl() {
        return "http://localhost:" + wakeword.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        wakeword.close();
        broker.close();
    }
}
