package io.wakestream.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to reach it; shared by the commands that talk to one. */
public class KafkaOptions {

    /** How long a command waits for any broker to answer before it says none does. */
    static final Duration BROKER_ANSWER = Duration.ofSeconds(10);

    @Option(names = "--bootstrap", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:WAKESTREAM_KAFKA_CONFIG}",
            description = "Kafka client properties for a secured cluster, as Kafka's own tools take them with "
                    + "--command-config: security.protocol, ssl.truststore.*, sasl.mechanism, sasl.jaas.config, ... "
                    + "(default: $WAKESTREAM_KAFKA_CONFIG, else none).")
    Path kafkaConfig;

    /**
     * The client settings every command's producer, consumer and admin client start from: the file's, then
     * {@code bootstrap.servers} from {@link #bootstrap}.
     *
     * @throws UserError if the file cannot be read
     */
    Map<String, Object> client() {
        Map<String, Object> client = new HashMap<>();
        if (kafkaConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UserError("cannot read the Kafka client properties " + kafkaConfig + ": " + e.getMessage(), e);
            }
            file.forEach((key, value) -> client.put(key.toString(), value));
        }
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return client;
    }

    /**
     * Fails fast, with what to do, when no broker answers at {@link #bootstrap} or it refuses the credentials: the
     * clients themselves would retry for minutes and only log warnings.
     *
     * @throws UserError if no broker describes the cluster within {@link #BROKER_ANSWER}
     */
    void requireBroker() {
        int millis = (int) BROKER_ANSWER.toMillis();
        Map<String, Object> admin = new HashMap<>(client());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new UserError("the Kafka broker at " + bootstrap + " refused the credentials"
                        + (kafkaConfig == null ? " (none given: pass --kafka-config FILE)" : " of " + kafkaConfig)
                        + ": " + refused.getMessage(), e);
            }
            throw noBroker(e);
        } catch (TimeoutException e) {
            throw noBroker(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while looking for a Kafka broker at " + bootstrap, e);
        }
    }

    private UserError noBroker(Exception e) {
        return new UserError("no Kafka broker answers at " + bootstrap + " (waited " + BROKER_ANSWER.toSeconds()
                + " s); start one with ./wakestream up, or pass --bootstrap HOST:PORT"
                + (kafkaConfig == null ? " (and --kafka-config FILE for a secured cluster)" : ""), e);
    }
}
