package io.wakestream.kws.web;

import io.wakestream.kws.config.KwsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The API key filter on the enrollment API's paths ({@code /v1/*}) only. */
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
}
