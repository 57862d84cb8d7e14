package io.wakestream.gateway.web;

import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.TokenVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the web page needs to know about this gateway: where its socket is, whether a token is needed, where kws-service is. */
@RestController
public class PageConfigController {

    private final GatewayProperties properties;
    private final TokenVerifier tokens;

    public PageConfigController(GatewayProperties properties, TokenVerifier tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    /** {@code {"audio_path","token_required","kws_url","chunk_ms"}}; {@code kws_url} empty when not configured. */
    @GetMapping("/v1/page-config")
    public Map<String, Object> pageConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("audio_path", AudioSocketHandler.PATH);
        config.put("token_required", !tokens.open());
        config.put("kws_url", properties.kwsUrl());
        config.put("chunk_ms", properties.chunkMs());
        return config;
    }
}
