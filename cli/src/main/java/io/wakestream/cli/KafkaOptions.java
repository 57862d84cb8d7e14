package io.wakestream.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Where the Kafka cluster is; shared by the commands that talk to one. */
public class KafkaOptions {

    /** How long a command waits for any broker to answer before it says none does. */
    static final Duration BROKER_ANSWER = Duration.ofSeconds(10);

    @Option(names = "--bootstrap", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    /**
     * Fails fast, with what to do, when no broker answers at {@link #bootstrap}: the clients themselves
     * would retry for minutes and only log warnings.
     *
     * @throws UserError if no broker describes the cluster within {@link #BROKER_ANSWER}
     */
    void requireBroker() {
        int millis = (int) BROKER_ANSWER.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis))) {
            admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("no Kafka broker answers at " + bootstrap + " (waited " + BROKER_ANSWER.toSeconds()
                    + " s); start one with ./wakestream up, or pass --bootstrap HOST:PORT", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while looking for a Kafka broker at " + bootstrap, e);
        }
    }
}
