package io.wakestream.cli;

import io.wakestream.common.model.ModelNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a command that fails is reported: one line on stderr naming the command and what went wrong,
 * exit status 1. A {@link UserError} says what to do, and so does a missing model; anything else is a
 * bug or an unexpected failure, so it is named by its type and points at {@code --verbose}, which adds
 * the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (failure instanceof UserError) {
            command.getErr().println(name + ": " + failure.getMessage());
        } else if (failure instanceof ModelNotFoundException) {
            command.getErr().println(name + ": " + failure.getMessage() + "; point --models-dir (or WAKESTREAM_MODELS_DIR)"
                    + " at the models directory, or name another --model");
        } else {
            command.getErr().println(name + ": failed: " + failure.getClass().getSimpleName() + ": "
                    + failure.getMessage() + (verbose(parsed) ? "" : " (run with " + VERBOSE + " for details)"));
        }
        if (verbose(parsed)) {
            failure.printStackTrace(command.getErr());
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
