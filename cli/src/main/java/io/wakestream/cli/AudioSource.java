package io.wakestream.cli;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.RawPcm;
import io.wakestream.common.audio.WavAudio;
import io.wakestream.common.audio.WavFormat;
import io.wakestream.common.audio.WavFormatException;
import io.wakestream.common.audio.WavReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Audio named on the command line (a file, or {@code -} for standard input), read as 16 kHz mono. What
 * cannot be read is a {@link UserError} that says why and what to do.
 */
final class AudioSource {

    static final String STDIN = "-";

    /**
     * 16 kHz mono samples and how many of the input's samples were NaN or infinite (replaced: NaN by
     * silence, an infinity by full scale).
     */
    record Clip(float[] samples, long nonFiniteSamples) {
    }

    private AudioSource() {
    }

    /** Reads {@code name} as a WAV file (commands without --raw: the hint only says how to convert). */
    static Clip readWav(String name, InputStream stdin) {
        return read(name, stdin, Optional.empty(), false);
    }

    /**
     * Reads {@code name} as a WAV file, or as raw PCM when {@code rawLayout} is given; {@code acceptsRaw}: the
     * command has the --raw options, so a file that is not WAV gets the hint to use them.
     */
    static Clip read(String name, InputStream stdin, Optional<WavFormat> rawLayout, boolean acceptsRaw) {
        boolean isStdin = STDIN.equals(name);
        String what = isStdin ? "standard input" : name;
        WavAudio audio;
        try (InputStream in = isStdin ? stdin : new BufferedInputStream(Files.newInputStream(Path.of(name)))) {
            audio = rawLayout.isPresent() ? RawPcm.read(in, rawLayout.get()) : WavReader.read(in);
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": no such file; give the path of a WAV file, or - to read standard input", e);
        } catch (AccessDeniedException e) {
            throw new UserError(name + ": permission denied; make the file readable or copy it somewhere readable", e);
        } catch (WavFormatException e) {
            throw new UserError(what + " is not a WAV file this reads (" + e.getMessage() + "); "
                    + (acceptsRaw ? "for headerless PCM add --raw --rate HZ --channels N --format s16le (the layout "
                    + "it has), otherwise " : "") + "convert it, e.g. sox IN -r 16000 -c 1 -b 16 OUT.wav", e);
        } catch (IOException e) {
            throw new UserError("cannot read " + what + ": " + describe(e)
                    + (isStdin ? "" : "; give the path of a readable WAV file"), e);
        }
        return new Clip(Mono16k.convert(audio), audio.nonFiniteSamples());
    }

    /** The reason of an I/O failure: its message, or its kind when it has none. */
    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
