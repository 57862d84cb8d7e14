package io.wakestream.cli;

import io.wakestream.common.audio.Mono16k;
import java.io.File;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Produce a WAV file (any PCM format; '-' reads standard input) to the audio topic in chunks.")
public class StreamCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--stream-id", required = true, description = "Stream id, the key of every chunk.")
    String streamId;

    @Option(names = "--speed", defaultValue = "1.0",
            description = "Multiple of real time; 1 paces chunks like a live device (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--chunk-ms", defaultValue = "100", description = "Chunk length in ms (default: ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--topic", defaultValue = "voice.audio.v1", description = "Audio topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Parameters(paramLabel = "FILE|-", description = "WAV file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
        if (speed <= 0 || chunkMs <= 0) {
            System.err.println("--speed and --chunk-ms must be positive");
            return 2;
        }
        float[] samples = "-".equals(file) ? Mono16k.read(System.in) : Mono16k.read(new File(file).toPath());
        try (AudioStreamer streamer = new AudioStreamer(kafka.bootstrap, topic)) {
            int chunks = streamer.stream(streamId, samples, chunkMs, speed);
            System.err.printf("sent %d chunks (%.2f s of audio) for stream %s%n", chunks, samples.length / 16000.0,
                    streamId);
            return 0;
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("streaming to " + kafka.bootstrap + " failed: " + cause.getMessage());
            return 1;
        }
    }
}
