package io.wakestream.kws;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Keyword verification of {@code voice.detections.v1} and the keyword enrollment HTTP API.
 *
 * <p>Its settings live in {@code kws-service.yml}, not {@code application.yml}: the CLI runs this service and
 * wakeword-service in one process, where both jars' {@code application.yml} would collide on the classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KwsServiceApplication {

    /** The {@code spring.config.name} of this service's configuration file. */
    public static final String CONFIG_NAME = "kws-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; command-line arguments still override its properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(KwsServiceApplication.class)
                .main(KwsServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
