package io.wakestream.kws.core;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhoneSet;
import io.wakestream.common.phonetic.PhoneticStream;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.common.phonetic.Pronouncer;
import java.util.ArrayList;
import java.util.List;

/**
 * Audio-text keyword verification: does a clip (the trigger audio of a detection) say a phrase?
 *
 * <ol>
 *   <li>The phrase's phones come from {@link Pronouncer} (lexicon, then G2P).</li>
 *   <li>The whole clip runs through a fresh {@link PhoneticStream} of the encoder the verifier's manifest names;
 *       each 20 ms output's embedding is L2-normalised (a zero vector stays zero).</li>
 *   <li>The phones' vectors come from the verifier's table ({@link PhoneVectors}).</li>
 *   <li>The clip is cut into spans ({@link SpanPlan}); for each span of at least K frames the similarity matrix,
 *       its partition into one segment per phone ({@link SequencePartitioner}), the pooled segment embeddings and
 *       the segment lengths go to the verifier graph ({@link VerifierModel}), which scores the span.</li>
 *   <li>The verdict is the best span's (the earliest of equal scores): accepted when its score reaches the
 *       threshold, with each phone's segment in milliseconds of the clip. A clip with fewer outputs than the
 *       phrase has phones is not scored: score 0, not accepted, reason {@link Verification#TOO_SHORT}.</li>
 * </ol>
 *
 * <p>Lifecycle: {@link #open} → {@link #verify} from any number of threads → {@link #close()}. The verifier is
 * thread-safe and shared: each call uses its own encoder stream. Its ONNX sessions belong to the
 * {@link OnnxEngine} (shared, reported and closed there); closing the verifier only refuses further calls.
 */
public final class KeywordVerifier implements AutoCloseable {

    /** The encoder's posterior columns: blank first, then the ARPAbet phones the table and the G2P use. */
    private static final PhoneSet PHONES = PhoneSet.arpabet();

    private final String modelId;
    private final VerifierSpec spec;
    private final double threshold;
    private final PhoneVectors phoneVectors;
    private final PhoneticEncoder encoder;
    private final Pronouncer pronouncer;
    private final VerifierModel model;
    private final String g2pModelId;
    private volatile boolean closed;

    private KeywordVerifier(String modelId, VerifierSpec spec, double threshold, PhoneVectors phoneVectors,
                            PhoneticEncoder encoder, Pronouncer pronouncer, VerifierModel model, String g2pModelId) {
        this.modelId = modelId;
        this.spec = spec;
        this.threshold = threshold;
        this.phoneVectors = phoneVectors;
        this.encoder = encoder;
        this.pronouncer = pronouncer;
        this.model = model;
        this.g2pModelId = g2pModelId;
    }

    /**
     * Loads the verifier, the encoder its manifest names and the G2P model from {@code models} (each
     * sha256-checked), and their graphs through {@code engine}.
     *
     * @throws io.wakestream.common.model.ModelNotFoundException if a model or one of its files is missing
     * @throws ModelException if a manifest breaks its contract ({@link VerifierSpec#of}, {@link PhoneVectors#read}),
     *                        the encoder's embedding size differs from the phone vectors' dimension, or a graph's
     *                        inputs and outputs differ from the contract
     * @throws io.wakestream.common.onnx.OnnxException if ONNX Runtime cannot open a graph
     */
    public static KeywordVerifier open(ModelRepository models, KeywordVerifierConfig config, OnnxEngine engine) {
        LoadedModel verifier = config.version().isEmpty() ? models.loadLatest(config.model())
                : models.load(config.model(), config.version());
        VerifierSpec spec = VerifierSpec.of(verifier);
        PhoneVectors vectors = PhoneVectors.read(verifier.file(VerifierSpec.PHONE_VECTORS_ROLE));
        PhoneticEncoder encoder = PhoneticEncoder.open(models, new PhoneticEncoderConfig(spec.encoderName(),
                spec.encoderVersion(), KeywordVerifierConfig.encoderOutputsPerCall()), engine);
        if (encoder.embeddingSize() != vectors.dimension()) {
            throw new ModelException("model " + verifier.id() + " has phone vectors of dimension " + vectors.dimension()
                    + ", but its encoder " + encoder.modelId() + " gives embeddings of " + encoder.embeddingSize());
        }
        VerifierModel graph = VerifierModel.open(verifier, engine, vectors.dimension());
        Pronouncer pronouncer = Pronouncer.open(models, config.g2pModel(), config.g2pVersion(), engine);
        String g2pId = config.g2pVersion().isEmpty() ? models.loadLatest(config.g2pModel()).id()
                : models.load(config.g2pModel(), config.g2pVersion()).id();
        double threshold = config.threshold() != null ? config.threshold() : spec.threshold();
        return new KeywordVerifier(verifier.id(), spec, threshold, vectors, encoder, pronouncer, graph, g2pId);
    }

    /** name/version of the verifier model. */
    public String modelId() {
        return modelId;
    }

    /** name/version of the phonetic encoder. */
    public String encoderId() {
        return encoder.modelId();
    }

    /** name/version of the G2P model. */
    public String g2pModelId() {
        return g2pModelId;
    }

    public VerifierSpec spec() {
        return spec;
    }

    /** The threshold in force: the configured one, else the manifest's. */
    public double threshold() {
        return threshold;
    }

    /** The phrase's phones as {@link #verify(byte[], String)} takes them. Thread-safe. */
    public PhrasePronunciation pronounce(String phrase) {
        checkOpen();
        return pronouncer.pronounce(phrase);
    }

    /** Whether every phone has a vector in the verifier's table (the phone set's phones all should). */
    public boolean knowsPhones(List<String> phones) {
        return phones.stream().allMatch(phoneVectors::contains);
    }

    /**
     * Verifies PCM_S16LE 16 kHz mono audio against {@code phrase}.
     *
     * @throws IllegalArgumentException if the phrase has no phones or the audio an odd number of bytes
     */
    public Verification verify(byte[] pcm16, String phrase) {
        return verify(pcm16, pronounce(phrase));
    }

    /**
     * Verifies PCM_S16LE 16 kHz mono audio against an already pronounced phrase.
     *
     * @throws IllegalArgumentException if the phrase has no phones, a phone has no vector, or the audio has an odd
     *                                  number of bytes
     */
    public Verification verify(byte[] pcm16, PhrasePronunciation phrase) {
        checkOpen();
        List<String> phones = phrase.phones();
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("the phrase '" + phrase.phrase() + "' has no phones to verify");
        }
        if (pcm16.length % 2 != 0) {
            throw new IllegalArgumentException("PCM_S16LE audio needs an even number of bytes, got " + pcm16.length);
        }
        float[] vectors = phoneVectors.matrix(phones);
        int[] phoneIds = phones.stream().mapToInt(PHONES::index).toArray();
        FrameEmbeddings embeddings = embed(pcm16);
        int units = phones.size();
        float[] similarity = SpanFeatures.similarities(embeddings, vectors, units);
        SpanFeatures best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SpanPlan.Span span : spec.spans().spans(embeddings.frames(), units)) {
            if (span.frames() < units) {
                continue;
            }
            SpanFeatures features = SpanFeatures.compute(embeddings, span, similarity, phoneIds, spec.partition(),
                    spec.minSegmentWeight());
            double score = model.score(features, vectors);
            if (score > bestScore) {
                best = features;
                bestScore = score;
            }
        }
        if (best == null) {
            return Verification.tooShort(modelId, phrase.phrase(), phones, threshold);
        }
        long frameMs = encoder.spec().outputFrameMs();
        List<PhoneAlignment> segments = new ArrayList<>(units);
        for (int k = 0; k < units; k++) {
            int start = best.span().start() + best.partition().start(k);
            int end = best.span().start() + best.partition().end(k);
            segments.add(new PhoneAlignment(phones.get(k), start * frameMs, end * frameMs));
        }
        return new Verification(modelId, phrase.phrase(), phones, bestScore, threshold, bestScore >= threshold, segments,
                best.span().start() * frameMs, best.span().end() * frameMs, null);
    }

    /** Refuses further calls; the sessions stay with the {@link OnnxEngine}. */
    @Override
    public void close() {
        closed = true;
    }

    private FrameEmbeddings embed(byte[] pcm16) {
        PhoneticStream stream = encoder.newStream();
        EncoderFrames frames = EncoderFrames.concat(List.of(stream.acceptPcm16(pcm16), stream.finish()));
        return FrameEmbeddings.of(frames.embeddings(), frames.logProbs(), frames.count(), frames.embeddingSize(),
                frames.phones());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("keyword verifier " + modelId + " is closed");
        }
    }
}
