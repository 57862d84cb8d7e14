package io.wakestream.gateway.config;

import io.wakestream.gateway.core.RealTimePacer;
import io.wakestream.gateway.core.ResultRouter;
import io.wakestream.gateway.core.StreamRegistry;
import io.wakestream.gateway.core.TokenVerifier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java parts shared by both endpoints, built from {@link GatewayProperties}. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    StreamRegistry streamRegistry(GatewayProperties properties) {
        return new StreamRegistry(properties.maxConnections(), properties.maxStreams());
    }

    @Bean
    ResultRouter resultRouter() {
        return new ResultRouter();
    }

    @Bean
    TokenVerifier tokenVerifier(GatewayProperties properties) {
        TokenVerifier verifier = new TokenVerifier(properties.tokens());
        if (verifier.open()) {
            LOG.warn("wakestream.gateway.tokens is empty: the WebSocket and Wyoming endpoints accept clients without"
                    + " a token; set at least one outside development");
        }
        return verifier;
    }

    /** A new pacer for each stream, on the system clock. */
    @Bean
    Supplier<RealTimePacer> pacers(GatewayProperties properties) {
        return () -> new RealTimePacer(properties.maxSpeed(), properties.burst().toMillis() / 1000.0,
                properties.maxWait().toNanos(), System::nanoTime);
    }
}
