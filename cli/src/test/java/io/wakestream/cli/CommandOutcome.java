package io.wakestream.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a command returned and printed, run in the test's JVM with the standard streams swapped for buffers: the
 * commands print results to {@code System.out} and messages to {@code System.err}, where a user sees them, so the
 * tests read both from there.
 *
 * @param status the command's exit status
 * @param out    what it printed to standard output
 * @param err    what it printed to standard error
 */
record CommandOutcome(int status, String out, String err) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs the command, e.g. {@code () -> WakestreamCommand.create().execute(args)}, capturing its output. */
    static CommandOutcome capture(IntSupplier command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = command.getAsInt();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CommandOutcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command with {@code stdin} as its standard input, capturing its output. */
    static CommandOutcome capture(byte[] stdin, IntSupplier command) {
        InputStream originalIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return capture(command);
        } finally {
            System.setIn(originalIn);
        }
    }

    /** Standard output as one JSON document a line, as the commands that report on files print it. */
    List<JsonNode> jsonLines() {
        return out.lines().map(JSON::readTree).toList();
    }
}
