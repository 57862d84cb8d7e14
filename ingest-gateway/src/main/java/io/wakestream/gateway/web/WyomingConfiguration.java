package io.wakestream.gateway.web;

import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.TokenVerifier;
import io.wakestream.gateway.core.WyomingCodec;
import io.wakestream.gateway.kafka.ClientConnections;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The Wyoming server, unless {@code wakestream.gateway.wyoming.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "wakestream.gateway.wyoming", name = "enabled", havingValue = "true", matchIfMissing = true)
public class WyomingConfiguration {

    @Bean
    WyomingServer wyomingServer(GatewayProperties properties, ClientConnections connections, TokenVerifier tokens,
                                JsonMapper json) {
        return new WyomingServer(properties, connections, tokens, new WyomingCodec(json, properties.maxFrameBytes()));
    }
}
