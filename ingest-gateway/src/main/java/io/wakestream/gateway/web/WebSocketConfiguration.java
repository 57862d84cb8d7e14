package io.wakestream.gateway.web;

import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.TokenVerifier;
import io.wakestream.gateway.kafka.ClientConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audio WebSocket at {@value AudioSocketHandler#PATH}. Any origin may connect: clients are devices and pages
 * served elsewhere as well as this gateway's own, and the token, not the origin, is what admits them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {

    private final AudioSocketHandler handler;

    public WebSocketConfiguration(ClientConnections connections, TokenVerifier tokens, GatewayProperties properties,
                                  JsonMapper json) {
        this.handler = new AudioSocketHandler(connections, tokens, properties, json);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, AudioSocketHandler.PATH).setAllowedOriginPatterns("*");
    }

    /** Messages larger than {@code max-frame-bytes} close the socket (1009) instead of being buffered. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(GatewayProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(properties.maxFrameBytes());
        container.setMaxTextMessageBufferSize(64 * 1024);
        return container;
    }
}
