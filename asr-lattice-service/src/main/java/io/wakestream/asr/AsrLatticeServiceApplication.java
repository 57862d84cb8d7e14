package io.wakestream.asr;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Word lattices of {@code voice.segments.v1}, published on {@code voice.lattices.v1}.
 *
 * <p>Its settings live in {@code asr-lattice-service.yml}, not {@code application.yml}: the CLI runs every
 * service in one process, where the jars' {@code application.yml} would collide on the classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AsrLatticeServiceApplication {

    /** The {@code spring.config.name} of this service's configuration file. */
    public static final String CONFIG_NAME = "asr-lattice-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; command-line arguments still override its properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AsrLatticeServiceApplication.class)
                .main(AsrLatticeServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
