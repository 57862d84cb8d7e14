package io.wakestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wakestream} command. */
@Command(name = "wakestream", mixinStandardHelpOptions = true, version = "wakestream 0.1.0",
        description = "Wakestream: decides whether a device was really addressed.",
        subcommands = {UpCommand.class, DemoCommand.class, StreamCommand.class, TailCommand.class,
                DetectCommand.class, VerifyCommand.class, LatticeCommand.class, DecideCommand.class, EnrollCommand.class, PhonesCommand.class,
                TranscribePhonesCommand.class, BenchCommand.class, BrokerCommand.class})
public class WakestreamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every subcommand; {@link ErrorReporter} reads it from the parse result. */
    @CommandLine.Option(names = ErrorReporter.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: name one of those below.");
    }

    public static void main(String[] args) {
        System.exit(create().execute(args));
    }

    static CommandLine create() {
        // @file arguments hold one argument a line (the launcher uses them for long file lists).
        return new CommandLine(new WakestreamCommand())
                .addSubcommand(new CommandLine.HelpCommand())
                .setUseSimplifiedAtFiles(true)
                .setExecutionExceptionHandler(new ErrorReporter());
    }
}
