package io.wakestream.ftm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * False-trigger mitigation: joins each detection's stage results with Kafka Streams and emits one decision per
 * detection to {@code voice.decisions.v1}.
 *
 * <p>Its settings live in {@code ftm-service.yml}, not {@code application.yml}: the CLI runs the services in one
 * process, where every jar's {@code application.yml} would collide on the classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FtmServiceApplication {

    /** The {@code spring.config.name} of this service's configuration file. */
    public static final String CONFIG_NAME = "ftm-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; command-line arguments still override its properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FtmServiceApplication.class)
                .main(FtmServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
