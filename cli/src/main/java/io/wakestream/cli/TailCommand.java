package io.wakestream.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print the events of topics as JSON lines as they arrive.")
public class TailCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "voice.decisions.v1", split = ",",
            description = "Topics to read, comma separated (default: ${DEFAULT-VALUE}).")
    List<String> topics;

    @Option(names = "--from-beginning", description = "Start at the oldest retained event instead of now.")
    boolean fromBeginning;

    @Option(names = "--max-events", defaultValue = "0", description = "Stop after this many events (0: never).")
    int maxEvents;

    @Option(names = "--timeout", defaultValue = "0",
            description = "Stop after this many seconds without an event (0: never).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        for (String topic : topics) {
            if (!EventTail.knows(topic)) {
                System.err.println("unknown topic " + topic + ": its records will be shown by size only");
            }
        }
        kafka.requireBroker();
        try (EventTail tail = new EventTail(kafka.client(), topics, fromBeginning)) {
            int printed = 0;
            long quietSince = System.nanoTime();
            while (maxEvents == 0 || printed < maxEvents) {
                int got = tail.poll(Duration.ofMillis(200), (topic, line) -> {
                    System.out.println(line);
                    System.out.flush();
                });
                printed += got;
                if (got > 0) {
                    quietSince = System.nanoTime();
                } else if (timeoutSeconds > 0 && System.nanoTime() - quietSince > timeoutSeconds * 1_000_000_000L) {
                    break;
                }
            }
        }
        return 0;
    }
}
