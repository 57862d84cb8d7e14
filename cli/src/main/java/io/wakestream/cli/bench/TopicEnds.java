package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Where a benchmark's reader starts: at the end of its topics as they are before the load, outside any group. */
final class TopicEnds {

    private TopicEnds() {
    }

    /**
     * Assigns every partition of {@code topics} to {@code consumer} and positions it at their end now, so that what comes
     * after this call is read and nothing before it.
     *
     * @throws org.apache.kafka.common.KafkaException if the partitions or their ends cannot be read
     */
    static void assignAtEnd(Consumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: resolve "end" now, before the load starts
    }
}
