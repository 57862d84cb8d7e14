package io.wakestream.ftm.kafka;

import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.ftm.config.FtmMetrics;
import io.wakestream.ftm.core.Stage;
import io.wakestream.ftm.core.TriggerDecider;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of ftm-service: the detections, verifications and lattices topics, all keyed by
 * stream id and so co-partitioned, feed one {@link DecisionJoinProcessor}, which keeps two persistent,
 * changelog-backed stores keyed by detection id ({@value #PENDING_STORE}, {@value #DECIDED_STORE}) and writes
 * decisions to the decisions topic and unjoinable records to {@code <source topic><dlt suffix>}.
 *
 * <p>Values are read as bytes and decoded in the processor, so that a bad record becomes a dead letter of its own
 * topic instead of a deserialization failure of the whole task.
 */
public final class DecisionTopology {

    /** Detection id → the stage results of a detection not decided yet. */
    public static final String PENDING_STORE = "ftm-pending";
    /** Detection id → when it was decided and with which stages. */
    public static final String DECIDED_STORE = "ftm-decided";

    static final String SOURCE = "stage-results";
    static final String JOIN = "join";
    static final String DECISIONS = "decisions";
    static final String DEAD_LETTERS = "dead-letters";

    private final TopicsProperties topics;
    private final TriggerDecider decider;
    private final JoinSettings settings;
    private final FtmMetrics metrics;

    public DecisionTopology(TopicsProperties topics, TriggerDecider decider, JoinSettings settings, FtmMetrics metrics) {
        this.topics = topics;
        this.decider = decider;
        this.settings = settings;
        this.metrics = metrics;
    }

    public Topology build() {
        Map<String, Stage> stageOfTopic = Map.of(
                topics.detections(), Stage.WAKEWORD,
                topics.verifications(), Stage.KWS,
                topics.lattices(), Stage.FTM);
        // A dead letter goes to the dead-letter topic of the topic its record was read from.
        TopicNameExtractor<String, byte[]> deadLetterTopic = (key, value, context) -> topics.deadLetter(context.topic());
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                topics.detections(), topics.verifications(), topics.lattices());
        topology.addProcessor(JOIN, () -> new DecisionJoinProcessor(stageOfTopic, decider, settings, metrics), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), StoreSerdes.pending()), JOIN);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECIDED_STORE),
                Serdes.String(), StoreSerdes.decided()), JOIN);
        topology.addSink(DECISIONS, topics.decisions(), new StringSerializer(), new ByteArraySerializer(), JOIN);
        topology.addSink(DEAD_LETTERS, deadLetterTopic, new StringSerializer(), new ByteArraySerializer(), JOIN);
        return topology;
    }
}
