package io.wakestream.common.config;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one ONNX Runtime engine and model repository of a service. */
@AutoConfiguration
@EnableConfigurationProperties(ModelsProperties.class)
public class ModelsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OnnxEngine onnxEngine(ModelsProperties models) {
        return new OnnxEngine(models.onnxConfig());
    }

    @Bean
    @ConditionalOnMissingBean
    ModelRepository modelRepository(ModelsProperties models) {
        return new ModelRepository(models.directory());
    }
}
