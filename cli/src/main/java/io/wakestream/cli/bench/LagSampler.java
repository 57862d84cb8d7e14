package io.wakestream.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the services' groups: for each group, the sum over its topics' partitions of the latest offset minus
 * the group's committed offset (the log start offset where the group has committed none), in records. An audio
 * chunk is one record, so wakeword-service's lag counts chunks.
 */
public final class LagSampler implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(5);

    /**
     * One sample.
     *
     * @param seconds seconds since the step started
     * @param lag     records behind, by service; a group that has not consumed yet is absent
     */
    public record Point(double seconds, Map<String, Long> lag) {
    }

    private final Admin admin;
    private final List<ConsumerGroup> groups;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();
    private final Map<TopicPartition, Long> logStart = new HashMap<>();
    // appended by the sampling thread, read by others
    private final List<Point> points = new CopyOnWriteArrayList<>();

    /**
     * @param client the admin client's connection settings
     * @param groups the groups to follow; topics that do not exist are left out
     */
    public LagSampler(Map<String, Object> client, List<ConsumerGroup> groups) throws Exception {
        this.admin = Admin.create(client);
        this.groups = groups;
        List<String> topics = groups.stream().flatMap(group -> group.topics().stream()).distinct().toList();
        Map<String, TopicDescription> described = new HashMap<>();
        for (String topic : topics) {
            try {
                described.put(topic, answer(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic));
            } catch (ExecutionException missing) {
                // a stage that is not running may not have created its topic: nothing to lag behind on
            }
        }
        List<TopicPartition> all = new ArrayList<>();
        for (ConsumerGroup group : groups) {
            List<TopicPartition> own = group.topics().stream().filter(described::containsKey)
                    .flatMap(topic -> described.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            partitions.put(group.groupId(), own);
            all.addAll(own);
        }
        offsets(all.stream().distinct().toList(), OffsetSpec.earliest()).forEach(logStart::put);
    }

    /**
     * Waits until {@code group} is stable with members, so that a step does not count the services' start as lag.
     *
     * @return whether it became stable within {@code timeout}
     */
    public boolean awaitStable(ConsumerGroup group, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var description = answer(admin.describeConsumerGroups(List.of(group.groupId())).all()).get(group.groupId());
            if (description.groupState() == GroupState.STABLE && !description.members().isEmpty()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Samples every group's lag now and keeps it as taken {@code seconds} after the step started. */
    public Point sample(double seconds) throws Exception {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(group -> specs.put(group.groupId(), new ListConsumerGroupOffsetsSpec()));
        var result = admin.listConsumerGroupOffsets(specs);
        List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).distinct().toList();
        Map<TopicPartition, Long> latest = offsets(all, OffsetSpec.latest());
        Map<String, Long> lag = new LinkedHashMap<>();
        for (ConsumerGroup group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = answer(result.partitionsToOffsetAndMetadata(group.groupId()));
            if (committed.values().stream().allMatch(offset -> offset == null)) {
                continue;
            }
            long behind = 0;
            for (TopicPartition partition : partitions.get(group.groupId())) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? logStart.getOrDefault(partition, 0L) : offset.offset();
                behind += Math.max(0, latest.getOrDefault(partition, 0L) - position);
            }
            lag.put(group.service(), behind);
        }
        Point point = new Point(seconds, lag);
        points.add(point);
        return point;
    }

    /** The samples taken so far, in order. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> of, OffsetSpec spec) throws Exception {
        if (of.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        of.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answered = answer(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answered.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T answer(KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
