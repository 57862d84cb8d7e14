package io.wakestream.wakeword.kafka;

import io.wakestream.wakeword.config.WakewordProperties;
import io.wakestream.wakeword.core.ResetReason;
import io.wakestream.wakeword.core.WakewordEngine;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Frees streams that stopped without an end-of-stream chunk, publishing any segment they had open. */
@Component
public class IdleStreamSweeper {

    private final WakewordEngine engine;
    private final StreamOwnership ownership;
    private final WakewordProperties properties;

    public IdleStreamSweeper(WakewordEngine engine, StreamOwnership ownership, WakewordProperties properties) {
        this.engine = engine;
        this.ownership = ownership;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${wakestream.wakeword.idle-sweep-interval:5s}")
    public void sweep() {
        ownership.release(engine.expireIdle(properties.idleTimeout()), ResetReason.IDLE_EXPIRED);
    }
}
