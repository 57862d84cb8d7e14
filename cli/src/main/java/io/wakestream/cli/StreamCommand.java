package io.wakestream.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Produce a WAV file (any PCM format), or headerless PCM with --raw, to the audio topic in "
                + "chunks; '-' reads standard input.")
public class StreamCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    RawAudioOptions rawAudio;

    @Option(names = "--stream-id", required = true, description = "Stream id, the key of every chunk.")
    String streamId;

    @Option(names = "--speed", defaultValue = "1.0",
            description = "Multiple of real time; 1 paces chunks like a live device (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--chunk-ms", defaultValue = "100", description = "Chunk length in ms (default: ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--topic", defaultValue = "voice.audio.v1", description = "Audio topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--metadata-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long one attempt waits for the topic's metadata (default: ${DEFAULT-VALUE}).")
    int metadataTimeoutSeconds;

    @Option(names = "--metadata-attempts", paramLabel = "N", defaultValue = "3",
            description = "Attempts to get the topic's metadata before giving up (default: ${DEFAULT-VALUE}).")
    int metadataAttempts;

    @Parameters(paramLabel = "FILE|-", description = "WAV file (or raw PCM with --raw), or - for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
        if (speed <= 0 || chunkMs <= 0 || metadataTimeoutSeconds <= 0 || metadataAttempts <= 0) {
            System.err.println("--speed, --chunk-ms, --metadata-timeout and --metadata-attempts must be positive");
            return 2;
        }
        AudioSource.Clip clip = AudioSource.read(file, System.in, rawAudio.layout(), true);
        if (clip.nonFiniteSamples() > 0) {
            System.err.printf("%s: %d samples were NaN or infinite: sent as silence (NaN) or full scale (infinity)%n",
                    file, clip.nonFiniteSamples());
        }
        kafka.requireBroker();
        TopicWait wait = new TopicWait(Duration.ofSeconds(metadataTimeoutSeconds), metadataAttempts);
        try (AudioStreamer streamer = new AudioStreamer(kafka.client(), topic, wait)) {
            streamer.awaitTopic(System.err::println);
            int chunks = streamer.stream(streamId, clip.samples(), chunkMs, speed);
            System.err.printf("sent %d chunks (%.2f s of audio) for stream %s%n", chunks, clip.samples().length / 16000.0,
                    streamId);
            return 0;
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("streaming to " + kafka.bootstrap + " failed: " + cause.getMessage() + "; stream it "
                    + "again with the same --stream-id: a chunk the service already processed is dropped as a duplicate");
            return 1;
        }
    }
}
