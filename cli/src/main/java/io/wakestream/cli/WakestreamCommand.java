package io.wakestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wakestream} command. */
@Command(name = "wakestream", mixinStandardHelpOptions = true, version = "wakestream 0.1.0",
        description = "Wakestream: decides whether a device was really addressed.",
        subcommands = {UpCommand.class, DemoCommand.class, StreamCommand.class, TailCommand.class,
                DetectCommand.class, PhonesCommand.class})
public class WakestreamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        // @file arguments hold one argument a line (the launcher uses them for long file lists).
        System.exit(new CommandLine(new WakestreamCommand()).setUseSimplifiedAtFiles(true).execute(args));
    }
}
