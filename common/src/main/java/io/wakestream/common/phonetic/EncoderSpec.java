package io.wakestream.common.phonetic;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.model.FrontendSpec;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import java.util.List;

/**
 * What a phonetic encoder's manifest says about running it (training/wakestream_training/phonetic/
 * encoder_manifest.py): output u of a stream reads input frames [s u, s u + receptive) of the stream
 * padded with {@code leftContext} silence frames before and {@code lookahead + s - 1} after, and
 * covers [u outputFrameMs, (u + 1) outputFrameMs) ms of the audio.
 *
 * @param nMels         log-mel bins of an input frame (80)
 * @param subsampling   s: input frames per output (2)
 * @param leftContext   input frames before an output's own frames that it reads
 * @param lookahead     input frames after an output's own frames that it reads: the streaming latency
 * @param outputFrameMs milliseconds of audio per output (20)
 * @param phones        output symbols in index order: {@code <blank>} (index 0), then the ARPAbet phones
 */
public record EncoderSpec(int nMels, int subsampling, int leftContext, int lookahead, int outputFrameMs,
                          List<String> phones) {

    /** The manifest's task of a phonetic encoder. */
    public static final String TASK = "phonetic-encoder";
    /** The phone set every phonetic model shares; manifests repeat it and must agree. */


    public EncoderSpec {
        if (nMels < 1 || subsampling < 1 || leftContext < 0 || lookahead < 0 || outputFrameMs < 1) {
            throw new IllegalArgumentException("invalid encoder streaming parameters: n_mels " + nMels + ", subsampling "
                    + subsampling + ", left context " + leftContext + ", look-ahead " + lookahead
                    + ", output frame " + outputFrameMs + " ms");
        }
        phones = List.copyOf(phones);
    }

    /** Input frames one output reads: leftContext + subsampling + lookahead. */
    public int receptive() {
        return leftContext + subsampling + lookahead;
    }

    /** Silence frames a stream's end is padded with, so that N input frames give ceil(N / subsampling) outputs. */
    public int trailingPadding() {
        return lookahead + subsampling - 1;
    }

    /** Outputs a window of {@code frames} input frames yields: floor((frames - leftContext - lookahead) / subsampling), at least 0. */
    public int outputsFor(int frames) {
        return Math.max(0, (frames - leftContext - lookahead) / subsampling);
    }

    /**
     * The spec in a verified model's manifest, checked: task {@value #TASK}, frontend {@code logmel} at
     * 16 kHz, integer {@code n_mels}, {@code subsampling}, {@code left_context_frames}, {@code lookahead_frames},
     * {@code output_frame_ms}, a {@code receptive_frames} that adds up, and a {@code phones} list equal to
     * the phone set ({@link PhoneSet}).
     *
     * @throws ModelException if any of those is missing or differs
     */
    public static EncoderSpec of(LoadedModel model) {
        if (!TASK.equals(model.manifest().task())) {
            throw new ModelException("model " + model.id() + " has task " + model.manifest().task() + ", not " + TASK);
        }
        FrontendSpec frontend = model.manifest().frontend();
        if (frontend == null || !"logmel".equals(frontend.type()) || frontend.sampleRate() != LogMelFrontend.SAMPLE_RATE) {
            throw new ModelException("model " + model.id() + " needs frontend logmel at " + LogMelFrontend.SAMPLE_RATE
                    + " Hz, manifest has " + frontend);
        }
        EncoderSpec spec;
        try {
            spec = new EncoderSpec(intParameter(model, "n_mels"), intParameter(model, "subsampling"),
                    intParameter(model, "left_context_frames"), intParameter(model, "lookahead_frames"),
                    intParameter(model, "output_frame_ms"), manifestPhones(model));
        } catch (IllegalArgumentException e) {
            throw new ModelException("model " + model.id() + ": " + e.getMessage(), e);
        }
        if (intParameter(model, "receptive_frames") != spec.receptive()) {
            throw new ModelException("model " + model.id() + " says receptive_frames " + intParameter(model, "receptive_frames")
                    + ", but left context + subsampling + look-ahead is " + spec.receptive());
        }
        PhoneSet.arpabet().requireSame(spec.phones(), model.id());
        return spec;
    }

    private static int intParameter(LoadedModel model, String name) {
        if (!(model.manifest().frontend().parameters().get(name) instanceof Integer value)) {
            throw new ModelException("model " + model.id() + " frontend needs an integer " + name + ", has "
                    + model.manifest().frontend().parameters().get(name));
        }
        return value;
    }

    private static List<String> manifestPhones(LoadedModel model) {
        if (model.manifest().phones().isEmpty()) {
            throw new ModelException("model " + model.id() + " manifest has no \"phones\" list");
        }
        return model.manifest().phones();
    }
}
