package io.wakestream.asr.core;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A trigger segment's audio to a word lattice: the phonetic encoder (one {@link PhoneticStream} over the
 * whole segment, then {@link PhoneticStream#finish()}) and the {@link LatticeDecoder} with the language model
 * and its decoding lexicon. A segment longer than {@link SegmentRecognizerConfig#maxSegmentSamples()} is cut to
 * that many samples, and the {@link Recognition} says so.
 *
 * <p>Lifecycle: {@link #open} (loads and checks the models) → {@link #recognize} from any number of threads
 * (each call has its own encoder stream and search state) → {@link #close()}.
 */
public final class SegmentRecognizer implements AutoCloseable {

    private final SegmentRecognizerConfig config;
    private final PhoneticEncoder encoder;
    private final LanguageModelBundle languageModel;
    private final LexiconTree tree;
    private final LatticeDecoder decoder;
    private final String modelId;
    private volatile boolean closed;

    private SegmentRecognizer(SegmentRecognizerConfig config, PhoneticEncoder encoder, LanguageModelBundle languageModel,
                              LexiconTree tree, LatticeDecoder decoder, String modelId) {
        this.config = config;
        this.encoder = encoder;
        this.languageModel = languageModel;
        this.tree = tree;
        this.decoder = decoder;
        this.modelId = modelId;
    }

    /**
     * Opens the encoder (an ONNX session of {@code onnx}) and the language model under {@code models}.
     *
     * @throws io.wakestream.common.model.ModelException if a model is missing, malformed or fails its checksum
     */
    public static SegmentRecognizer open(ModelRepository models, SegmentRecognizerConfig config, OnnxEngine onnx) {
        LanguageModelBundle bundle = LanguageModelBundle.open(models.root(), config.lmModel(), config.lmVersion());
        if (bundle.lexicon() == null) {
            throw new io.wakestream.common.model.ManifestException("language model " + bundle.id()
                    + " lists no decoding lexicon (file role '" + LanguageModelBundle.LEXICON_ROLE + "')", null);
        }
        PhoneticEncoder encoder = PhoneticEncoder.open(models, config.encoder(), onnx);
        try {
            LexiconTree tree = LexiconTree.forVocabulary(bundle.lm(), bundle.lexicon(), null);
            String id = encoder.modelId() + "+" + bundle.id();
            LatticeDecoder decoder = LatticeDecoder.create(bundle.lm(), tree, config.decoder(), id);
            return new SegmentRecognizer(config, encoder, bundle, tree, decoder, id);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    public SegmentRecognizerConfig config() {
        return config;
    }

    /** What lattices record as their model: {@code <encoder id>+<language model id>}. */
    public String modelId() {
        return modelId;
    }

    public String encoderId() {
        return encoder.modelId();
    }

    public String languageModelId() {
        return languageModel.id();
    }

    public Path languageModelDirectory() {
        return languageModel.directory();
    }

    /** Words of the LM vocabulary the lexicon cannot pronounce (never decoded). */
    public List<String> unpronounced() {
        return tree.unpronounced();
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Decodes PCM_S16LE 16 kHz mono.
     *
     * @throws IllegalArgumentException if {@code pcm} has an odd number of bytes
     */
    public Recognition recognizePcm16(byte[] pcm) {
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("PCM_S16LE needs an even number of bytes, got " + pcm.length);
        }
        return recognize(Pcm16.toFloats(pcm));
    }

    /** Decodes 16 kHz mono samples in [-1, 1). */
    public Recognition recognize(float[] samples) {
        if (closed) {
            throw new IllegalStateException("segment recognizer is closed");
        }
        int decoded = Math.min(samples.length, config.maxSegmentSamples());
        long started = System.nanoTime();
        PhoneticStream stream = encoder.newStream();
        EncoderFrames frames = EncoderFrames.concat(List.of(stream.acceptSamples(samples, 0, decoded), stream.finish()));
        long encoded = System.nanoTime();
        Lattice lattice = decoder.decode(frames);
        long done = System.nanoTime();
        return new Recognition(lattice, samples.length, decoded, encoded - started, done - encoded);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        decoder.close();
        encoder.close();
    }
}
