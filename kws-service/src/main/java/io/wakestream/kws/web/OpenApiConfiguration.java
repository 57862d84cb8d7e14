package io.wakestream.kws.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description of the service and its two ways to authenticate (served at /v3/api-docs). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI kwsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Wakestream kws-service").version("v1")
                        .description("Keyword enrollment: the phrase each stream's wake-word detections are verified"
                                + " against. Errors are RFC 9457 problems (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("the same keys as X-API-Key, as a bearer token")));
    }
}
