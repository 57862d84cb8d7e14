package io.wakestream.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wakestream broker}: a single-node KRaft broker alone, with its log in a directory that outlives it, so that a
 * broker started again with the same ports and directory carries on where this one stopped. {@code bench faults}
 * runs it as a child process to restart it under load.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node KRaft broker whose log is kept in --data-dir until interrupted; started again "
                + "with the same ports and directory it carries on where it stopped.")
public class BrokerCommand implements Callable<Integer> {

    /** The line this command prints on stderr once the broker answers, followed by its bootstrap address. */
    static final String READY = "wakestream broker ready: ";

    @Option(names = "--port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--controller-port", defaultValue = "9093",
            description = "KRaft controller port; a restart must use the same one (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--data-dir", required = true, description = "Where the log lives; formatted when empty, kept on exit.")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of topics created without a count (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        LocalKafkaBroker broker;
        try {
            broker = LocalKafkaBroker.startKept(port, controllerPort, partitions, dataDir);
        } catch (IllegalArgumentException e) {
            throw new UserError("--port " + port + " --controller-port " + controllerPort + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "wakestream-broker-shutdown"));
        System.err.println(READY + broker.bootstrap() + " (log in " + dataDir.toAbsolutePath() + "; Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
