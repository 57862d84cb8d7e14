package io.wakestream.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * What a service's own configuration file ({@code <module>/src/main/resources/<name>.yml}) says about how it is
 * deployed, with placeholders resolved to their defaults as when no environment variable is set
 * ({@code ${PORT:8081}} is 8081).
 *
 * @param name          the service, also its module directory
 * @param httpPort      {@code server.port}
 * @param properties    every property of the file, flattened ({@code management.endpoint.health.probes.enabled})
 */
record ServiceConfiguration(String name, int httpPort, Properties properties) {

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
        return new ServiceConfiguration(name, Integer.parseInt(resolved.getProperty("server.port")), resolved);
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
