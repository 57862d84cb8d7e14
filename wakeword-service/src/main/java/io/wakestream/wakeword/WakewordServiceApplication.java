package io.wakestream.wakeword;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Always-on wake-word detection over {@code voice.audio.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WakewordServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WakewordServiceApplication.class, args);
    }
}
