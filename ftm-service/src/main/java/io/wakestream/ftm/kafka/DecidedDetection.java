package io.wakestream.ftm.kafka;

import io.wakestream.ftm.core.Stage;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the decided store remembers of a decided detection, to recognise results that come after its decision.
 *
 * @param decidedAtMs wall-clock time (epoch ms) of the decision; the entry is removed a retention period later
 * @param present     the stages whose results the decision used: another of those is a duplicate, any other stage
 *                    is late
 */
public record DecidedDetection(long decidedAtMs, Set<Stage> present) {

    public DecidedDetection {
        present = Collections.unmodifiableSet(present.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(present));
    }
}
