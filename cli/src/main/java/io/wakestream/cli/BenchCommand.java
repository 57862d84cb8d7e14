package io.wakestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wakestream bench}: harnesses that put the services under load and write reports. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark harnesses writing JSON reports and PNG plots.",
        subcommands = {LoadCommand.class, FaultsCommand.class})
public class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: name one of those below.");
    }
}
