package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Pcm16;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when they get something wrong: what is wrong and what to do, exit status, no stack trace. */
class CommandLineMessagesTest {

    private static final String STACK_FRAME = "\tat ";

    @TempDir
    Path dir;

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        CommandOutcome outcome = run(new byte[0]);

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("Missing command", "Usage: wakestream", "stream", "detect", "help");
    }

    @Test
    void helpListsTheCommandsAndHelpOfACommandItsOptions() {
        CommandOutcome all = run(new byte[0], "help");
        CommandOutcome stream = run(new byte[0], "help", "stream");

        assertThat(all.status()).isZero();
        assertThat(all.out()).contains("Usage: wakestream", "up", "demo", "stream", "tail", "detect", "verify", "lattice", "enroll");
        assertThat(stream.status()).isZero();
        assertThat(stream.out()).contains("Usage: wakestream stream", "--raw", "--rate", "--channels", "--format",
                "--metadata-timeout", "--metadata-attempts");
    }

    @Test
    void detectOfAMissingFileSaysSoWithoutAStackTrace() {
        String missing = dir.resolve("nope.wav").toString();

        CommandOutcome outcome = run(new byte[0], "detect", "--models-dir", "../models", missing);

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).contains("wakestream detect: " + missing + ": no such file; give the path of a WAV file")
                .doesNotContain(STACK_FRAME, "Exception");
    }

    @Test
    void detectOfATextFileSaysHowToConvertItAndNotToUseRawOptionsItLacks() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not audio at all");

        CommandOutcome outcome = run(new byte[0], "detect", "--models-dir", "../models", text.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("\nwakestream detect: " + text + " is not a WAV file this reads")
                .contains("convert it, e.g. sox").doesNotContain("--raw");
    }

    @Test
    void detectWithoutItsModelSaysWhereItLookedAndWhatToDo() {
        CommandOutcome outcome = run(new byte[0], "detect", "--models-dir", dir.toString(), "x.wav");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("wakestream detect: no version of model wakeword-hey-jarvis under " + dir)
                .contains("point --models-dir (or WAKESTREAM_MODELS_DIR) at the models directory")
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void streamOfAMissingFileSaysSoWithoutAStackTraceUnlessVerbose() {
        String missing = dir.resolve("nope.wav").toString();

        CommandOutcome quiet = run(new byte[0], "stream", "--stream-id", "x", missing);
        CommandOutcome verbose = run(new byte[0], "stream", "--verbose", "--stream-id", "x", missing);

        assertThat(quiet.status()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo("wakestream stream: " + missing
                + ": no such file; give the path of a WAV file, or - to read standard input" + System.lineSeparator());
        assertThat(verbose.status()).isEqualTo(1);
        assertThat(verbose.err()).contains(missing + ": no such file", "NoSuchFileException", STACK_FRAME);
    }

    @Test
    void rawPcmOnStandardInputWithoutRawSaysHowToDescribeIt() {
        byte[] raw = Pcm16.toBytes(new float[1600]);

        CommandOutcome outcome = run(raw, "stream", "--stream-id", "x", "-");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("standard input is not a WAV file",
                "--raw --rate HZ --channels N --format s16le").doesNotContain(STACK_FRAME);
    }

    @Test
    void rawOptionsAreCheckedTogether() {
        CommandOutcome noRate = run(new byte[0], "stream", "--stream-id", "x", "--raw", "--format", "s16le", "-");
        CommandOutcome noRaw = run(new byte[0], "stream", "--stream-id", "x", "--rate", "16000", "-");
        CommandOutcome badFormat = run(new byte[0], "stream", "--stream-id", "x", "--raw", "--rate", "16000",
                "--format", "mp3", "-");

        assertThat(noRate.status()).isEqualTo(2);
        assertThat(noRate.err()).contains("--raw needs --rate and --format");
        assertThat(noRaw.status()).isEqualTo(2);
        assertThat(noRaw.err()).contains("add --raw");
        assertThat(badFormat.status()).isEqualTo(2);
        assertThat(badFormat.err()).contains("sample format 'mp3' is not one of f32le, f64le, s16le, s24le, s32le, u8");
    }

    /** Raw PCM is read; with no broker at the address the command says so within seconds, and what to do. */
    @Test
    void rawPcmOnStandardInputIsAcceptedAndAMissingBrokerIsReportedWithWhatToDo() throws IOException {
        byte[] raw = Pcm16.toBytes(new float[3200]);
        String nowhere = "localhost:" + freePort();

        CommandOutcome outcome = run(raw, "stream", "--stream-id", "x", "--bootstrap", nowhere, "--raw", "--rate",
                "16000", "--channels", "1", "--format", "s16le", "-");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err())
                .contains("wakestream stream: no Kafka broker answers at " + nowhere)
                .contains("start one with ./wakestream up, or pass --bootstrap")
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void tailWithNoBrokerFailsWithWhatToDo() throws IOException {
        String nowhere = "localhost:" + freePort();

        CommandOutcome outcome = run(new byte[0], "tail", "--bootstrap", nowhere, "--timeout", "1");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("wakestream tail: no Kafka broker answers at " + nowhere)
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void verifyWithoutItsModelSaysWhereItLookedAndWhatToDo() {
        CommandOutcome outcome = run(new byte[0], "verify", "--models-dir", dir.toString(), "--phrase", "hey jarvis",
                "x.wav");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("wakestream verify: no version of model kws-verifier under " + dir)
                .contains("point --models-dir (or WAKESTREAM_MODELS_DIR) at the models directory")
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void verifyWithoutAPhraseIsAUsageError() {
        CommandOutcome outcome = run(new byte[0], "verify", "x.wav");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("--phrase");
    }

    @Test
    void enrollWithNoServiceSaysWhatToDo() throws IOException {
        String nowhere = "http://localhost:" + freePort();

        CommandOutcome outcome = run(new byte[0], "enroll", "--url", nowhere, "--stream-id", "kitchen-1", "hey",
                "jarvis");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("wakestream enroll: no kws-service answers at " + nowhere
                + "; start one with ./wakestream up, or pass --url" + System.lineSeparator());
    }

    @Test
    void enrollNeedsAPhraseUnlessItGetsOrDeletes() {
        CommandOutcome noPhrase = run(new byte[0], "enroll", "--stream-id", "kitchen-1");
        CommandOutcome phraseAndGet = run(new byte[0], "enroll", "--stream-id", "kitchen-1", "--get", "hey");
        CommandOutcome both = run(new byte[0], "enroll", "--stream-id", "kitchen-1", "--get", "--delete");

        assertThat(noPhrase.status()).isEqualTo(1);
        assertThat(noPhrase.err()).contains("give the phrase to enroll");
        assertThat(phraseAndGet.status()).isEqualTo(1);
        assertThat(phraseAndGet.err()).contains("take no phrase");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void benchLoadWithAWarmUpShorterThanAChunkSaysSo() {
        CommandOutcome outcome = run(new byte[0], "bench", "load", "--local", "--warm-up", "50ms");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("--warm-up 50 ms: give 0 or at least one chunk").doesNotContain(STACK_FRAME);
    }

    @Test
    void benchLoadMeasuringTheLiveSetOfARemoteClusterSaysItNeedsLocal() {
        CommandOutcome outcome = run(new byte[0], "bench", "load", "--bootstrap", "localhost:1", "--live-set-every", "5m");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("--live-set-every 300000 ms: give 0, or with --local at least 10 s")
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void benchFaultsWithoutLocalSaysItRunsOnlyOnAClusterItStartedItself() {
        CommandOutcome outcome = run(new byte[0], "bench", "faults");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("wakestream bench faults: bench faults runs only with --local",
                "against a running cluster it is not supported").doesNotContain(STACK_FRAME);
    }

    @Test
    void benchFaultsWithAFaultPastTheLoadSaysSo() {
        CommandOutcome outcome = run(new byte[0], "bench", "faults", "--local", "--duration", "30s", "--fault-at", "20s",
                "--fault-length", "20s");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("--fault-at 20 s plus --fault-length 20 s runs past --duration 30 s")
                .doesNotContain(STACK_FRAME);
    }

    private static CommandOutcome run(byte[] stdin, String... args) {
        return CommandOutcome.capture(stdin, () -> WakestreamCommand.create().execute(args));
    }
}
