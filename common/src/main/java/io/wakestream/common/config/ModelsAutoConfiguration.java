package io.wakestream.common.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxRunListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one ONNX Runtime engine and model repository of a service; with a meter registry, every model run is timed. */
@AutoConfiguration
@EnableConfigurationProperties(ModelsProperties.class)
public class ModelsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OnnxEngine onnxEngine(ModelsProperties models, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        return new OnnxEngine(models.onnxConfig(), registry == null ? OnnxRunListener.NONE : new OnnxRunTimer(registry));
    }

    @Bean
    @ConditionalOnMissingBean
    ModelRepository modelRepository(ModelsProperties models) {
        return new ModelRepository(models.directory());
    }
}
