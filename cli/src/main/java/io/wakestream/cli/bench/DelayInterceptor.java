package io.wakestream.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Makes a service a slow stage without touching its code: a Kafka consumer interceptor that, before the records of a
 * poll reach the service, sleeps {@code delay} ms per record, the delay read from a file (one integer, ms; no file or 0:
 * no delay) so that the harness can switch it on and off while the service runs. {@code bench faults} installs it in
 * the slow service's child process with {@code spring.kafka.consumer.properties.interceptor.classes} and names the file
 * with {@code spring.kafka.consumer.properties.wakestream.delay-file}.
 */
public final class DelayInterceptor<K, V> implements ConsumerInterceptor<K, V> {

    /** The consumer property naming the delay file. */
    public static final String DELAY_FILE = "wakestream.delay-file";

    private Path file;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(DELAY_FILE);
        if (configured == null) {
            throw new IllegalArgumentException(DelayInterceptor.class.getName() + " needs the consumer property "
                    + DELAY_FILE + " (the file holding the delay per record, in ms)");
        }
        file = Path.of(configured.toString());
    }

    @Override
    public ConsumerRecords<K, V> onConsume(ConsumerRecords<K, V> records) {
        long delayMs = records.isEmpty() ? 0 : delayMs(file);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs * records.count());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    /** The delay per record the file says, in ms; 0 when there is no file. */
    static long delayMs(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the delay file " + file, e);
        }
    }

    /** Sets the delay per record in {@code file}, in ms (0 removes it). */
    public static void set(Path file, long delayMs) throws IOException {
        if (delayMs == 0) {
            Files.deleteIfExists(file);
        } else {
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), Long.toString(delayMs));
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
