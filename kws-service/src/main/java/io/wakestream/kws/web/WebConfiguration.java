package io.wakestream.kws.web;

import io.wakestream.kws.config.KwsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API key filter on the enrollment API's paths ({@code /v1/*}) only; before it, when origins are configured,
 * CORS for those paths, so that a browser's preflight (which carries no key) is answered instead of refused.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(KwsProperties properties, JsonMapper json) {
        ApiKeyFilter filter = new ApiKeyFilter(properties.apiKeys(), json);
        if (filter.open()) {
            LOG.warn("wakestream.kws.api-keys is empty: the enrollment API accepts requests without credentials;"
                    + " set at least one key outside development");
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/v1/*");
        registration.setName("apiKeyFilter");
        return registration;
    }

    /** Disabled without origins: cross-origin requests then get no CORS headers, and browsers refuse them. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(KwsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, ApiKeyFilter.HEADER));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.addUrlPatterns("/v1/*");
        registration.setName("corsFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(!properties.corsOrigins().isEmpty());
        return registration;
    }
}
