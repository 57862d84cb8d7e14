package io.wakestream.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Takes device audio in over WebSocket and the Wyoming protocol, produces it to {@code voice.audio.v1}, and sends
 * each stream's detections and decisions back on its connection; serves the browser page.
 *
 * <p>Its settings live in {@code ingest-gateway.yml}, not {@code application.yml}, so that it can run in one
 * process with the other services (the CLI's {@code up}) without their files colliding on the classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestGatewayApplication {

    /** The {@code spring.config.name} of this service's configuration file. */
    public static final String CONFIG_NAME = "ingest-gateway";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; command-line arguments still override its properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestGatewayApplication.class)
                .main(IngestGatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
