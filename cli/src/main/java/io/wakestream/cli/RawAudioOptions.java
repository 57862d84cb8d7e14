package io.wakestream.cli;

import io.wakestream.common.audio.RawPcm;
import io.wakestream.common.audio.WavFormat;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options for headerless PCM input, named as sox and arecord users know them. */
public class RawAudioOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--raw", description = "The input is headerless PCM (what arecord and 'sox -t raw' write); "
            + "--rate and --format say its layout.")
    boolean raw;

    @Option(names = "--rate", paramLabel = "HZ", description = "Sample rate of --raw input, e.g. 16000.")
    Integer rate;

    @Option(names = "--channels", paramLabel = "N", description = "Channels of --raw input (default: 1).")
    Integer channels;

    @Option(names = "--format", paramLabel = "FMT",
            description = "Sample format of --raw input: s16le, s24le, s32le, f32le, f64le or u8 (S16_LE works too).")
    String format;

    /** The layout of raw input, or empty when the input is a WAV file, which names its own. */
    Optional<WavFormat> layout() {
        if (!raw) {
            if (rate != null || channels != null || format != null) {
                throw new ParameterException(spec.commandLine(),
                        "--rate, --channels and --format describe headerless PCM: add --raw, or leave them out for a "
                                + "WAV file, which names its own format");
            }
            return Optional.empty();
        }
        if (rate == null || format == null) {
            throw new ParameterException(spec.commandLine(),
                    "--raw needs --rate and --format (and --channels unless 1), e.g. --raw --rate 16000 --channels 1 "
                            + "--format s16le");
        }
        if (rate < 1 || (channels != null && channels < 1)) {
            throw new ParameterException(spec.commandLine(), "--rate and --channels must be positive");
        }
        try {
            return Optional.of(RawPcm.format(format, rate, channels == null ? 1 : channels));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }
}
