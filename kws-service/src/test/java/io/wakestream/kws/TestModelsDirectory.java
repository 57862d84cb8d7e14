package io.wakestream.kws;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of {@link KwsServiceTest} classes: points {@code wakestream.models.dir} at {@link TestModels#directory()}. */
public abstract class TestModelsDirectory {

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("wakestream.models.dir", () -> TestModels.directory().toString());
    }
}
