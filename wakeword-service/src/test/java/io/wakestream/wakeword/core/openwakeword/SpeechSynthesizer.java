package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.audio.Mono16k;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Text to 16 kHz speech with the Debian TTS engines (espeak-ng, flite, festival's text2wave),
 * padded with a second of silence on both sides as a stream would carry it.
 *
 * @param engine {@code espeak-ng}, {@code flite} or {@code text2wave}
 * @param voice  the engine's voice name
 */
record SpeechSynthesizer(String engine, String voice) {

    static final int PADDING_SAMPLES = Mono16k.SAMPLE_RATE;

    float[] speak(String text, Path workDirectory) throws IOException, InterruptedException {
        assumeTrue(onPath(engine), engine + " is not installed");
        Path wav = Files.createTempFile(workDirectory, "tts", ".wav");
        List<String> command = new ArrayList<>(List.of(engine));
        switch (engine) {
            case "espeak-ng" -> command.addAll(List.of("-v", voice, "-s", "150", "-w", wav.toString(), text));
            case "flite" -> command.addAll(List.of("-voice", voice, "-t", text, "-o", wav.toString()));
            case "text2wave" -> {
                Path input = Files.writeString(Files.createTempFile(workDirectory, "tts", ".txt"), text);
                command.addAll(List.of("-eval", "(voice_" + voice + ")", input.toString(), "-o", wav.toString()));
            }
            default -> throw new IllegalArgumentException("unknown TTS engine " + engine);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || Files.size(wav) == 0) {
            throw new IOException(command + " failed: " + output);
        }
        float[] speech = Mono16k.read(wav);
        float[] padded = new float[speech.length + 2 * PADDING_SAMPLES];
        System.arraycopy(speech, 0, padded, PADDING_SAMPLES, speech.length);
        return padded;
    }

    @Override
    public String toString() {
        return engine + " " + voice;
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
