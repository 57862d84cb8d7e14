package io.wakestream.cli;

import picocli.CommandLine.Option;

/** Where the Kafka cluster is; shared by the commands that talk to one. */
public class KafkaOptions {

    @Option(names = "--bootstrap", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;
}
