package io.wakestream.common.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Brings any WAV to what the pipeline consumes: 16 kHz mono float samples (the mean of the channels, resampled). */
public final class Mono16k {

    public static final int SAMPLE_RATE = 16000;

    private static final int MAX_CACHED_RATES = 16;
    private static final Map<Integer, Resampler> RESAMPLERS = new ConcurrentHashMap<>();

    private Mono16k() {
    }

    public static float[] read(Path file) throws IOException {
        return convert(WavReader.read(file));
    }

    public static float[] read(InputStream in) throws IOException {
        return convert(WavReader.read(in));
    }

    public static float[] convert(WavAudio audio) {
        return resample(Downmix.mono(audio.channels()), audio.format().sampleRate());
    }

    /** Resamples mono samples at {@code sampleRate} to 16 kHz; returns {@code mono} itself when already there. */
    public static float[] resample(float[] mono, int sampleRate) {
        if (sampleRate == SAMPLE_RATE) {
            return mono;
        }
        return resamplerFrom(sampleRate).resample(mono);
    }

    /**
     * The resampler from {@code sampleRate} to 16 kHz, shared: filter tables take up to a few MB, so those of the
     * few rates a deployment sees are kept, not those of every odd rate.
     */
    public static Resampler resamplerFrom(int sampleRate) {
        Resampler cached = RESAMPLERS.get(sampleRate);
        if (cached != null) {
            return cached;
        }
        Resampler resampler = new Resampler(sampleRate, SAMPLE_RATE);
        if (RESAMPLERS.size() < MAX_CACHED_RATES) {
            RESAMPLERS.putIfAbsent(sampleRate, resampler);
        }
        return resampler;
    }
}
