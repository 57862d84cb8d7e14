package io.wakestream.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * What a service's own configuration file ({@code <module>/src/main/resources/<name>.yml}) says about how it is
 * deployed, with placeholders resolved to their defaults as when no environment variable is set
 * ({@code ${MANAGEMENT_PORT:9081}} is 9081).
 *
 * @param name           the service, also its module directory
 * @param httpPort       {@code server.port}, the public HTTP API's; empty where it is -1 (a service without an API)
 * @param managementPort {@code management.server.port}: Actuator's
 * @param properties     every property of the file, flattened ({@code management.endpoint.health.probes.enabled})
 */
record ServiceConfiguration(String name, OptionalInt httpPort, int managementPort, Properties properties) {

    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", ":", null, true);

    /** Reads {@code name}'s file from the repository at {@code root}. */
    static ServiceConfiguration read(Path root, String name) throws IOException {
        Path resources = root.resolve(name).resolve("src/main/resources");
        // wakeword-service keeps Boot's default name; the others name the file after themselves (spring.config.name)
        Path file = Files.exists(resources.resolve(name + ".yml")) ? resources.resolve(name + ".yml")
                : resources.resolve("application.yml");
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(file));
        Properties raw = yaml.getObject();
        Properties resolved = new Properties();
        // YAML scalars arrive typed (true, 10400); compare them as the text Spring would bind
        raw.forEach((key, value) -> resolved.setProperty(String.valueOf(key),
                PLACEHOLDERS.replacePlaceholders(String.valueOf(value), placeholder -> null)));
        int http = Integer.parseInt(resolved.getProperty("server.port"));
        return new ServiceConfiguration(name, http < 0 ? OptionalInt.empty() : OptionalInt.of(http),
                Integer.parseInt(resolved.getProperty("management.server.port")), resolved);
    }

    String property(String key) {
        return properties.getProperty(key);
    }

    /** The Actuator endpoints exposed over HTTP ({@code management.endpoints.web.exposure.include}). */
    List<String> exposedEndpoints() {
        return Arrays.stream(property("management.endpoints.web.exposure.include").split(",")).map(String::strip).toList();
    }

    /** The consumer group of its listeners, or the Kafka Streams application id, which names the group. */
    String consumerGroup() {
        String group = property("spring.kafka.consumer.group-id");
        return group != null ? group : property("spring.kafka.streams.application-id");
    }
}
