package io.wakestream.ftm.config;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.ftm.core.TriggerDecider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trigger decider: the lattice GNN and its decision policy, loaded and checksum-verified at start-up. */
@Configuration(proxyBeanMethods = false)
public class DeciderConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeciderConfiguration.class);

    @Bean(destroyMethod = "close")
    TriggerDecider triggerDecider(ModelRepository models, OnnxEngine onnx, FtmProperties properties) {
        TriggerDecider decider = TriggerDecider.open(models, properties.ftmConfig(), onnx);
        LOG.info("Trigger decider {} scores lattices of up to {} arcs whole", decider.modelId(), decider.maxArcs());
        return decider;
    }
}
