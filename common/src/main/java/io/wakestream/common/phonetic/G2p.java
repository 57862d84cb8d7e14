package io.wakestream.common.phonetic;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ManifestException;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.model.TensorSpec;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grapheme to phoneme for words a lexicon lacks: the {@code g2p} model (training toolkit
 * {@code wakestream_training.phonetic.g2p_train}) run through {@link OnnxEngine}.
 * <p>
 * The graph takes {@code letters} [1, T] (float32 grapheme ids: 1 + the letter's position in the
 * manifest's {@code architecture.graphemes}) and returns {@code log_probs} [1, upsample·T, 40]:
 * natural-log phone probabilities per frame over {@link PhoneSet}, index 0 the CTC blank. The word's
 * phones are the greedy CTC decoding: each frame's best index, repeats merged, blanks dropped.
 * Thread-safe: the ONNX session is shared.
 */
public final class G2p {

    /** The manifest task of a G2P model. */
    public static final String TASK = "g2p";
    /** The model name under a models directory. */
    public static final String MODEL_NAME = "g2p";

    private static final String INPUT = "letters";
    private static final String OUTPUT = "log_probs";

    private final LoadedModel model;
    private final OnnxModel onnx;
    private final PhoneSet phones;
    private final String graphemes;
    private final int upsample;

    private G2p(LoadedModel model, OnnxModel onnx, PhoneSet phones, String graphemes, int upsample) {
        this.model = model;
        this.onnx = onnx;
        this.phones = phones;
        this.graphemes = graphemes;
        this.upsample = upsample;
    }

    /**
     * Opens a verified G2P model (see {@link ModelRepository#load}).
     *
     * @throws ManifestException if the manifest's task is not {@value #TASK}, its phones differ from
     *                           {@link PhoneSet#arpabet()}, it lacks {@code architecture.graphemes} or
     *                           {@code architecture.upsample}, or the graph's inputs and outputs are not
     *                           the manifest's {@code letters} → {@code log_probs}
     * @throws io.wakestream.common.onnx.OnnxException if ONNX Runtime cannot load the graph
     */
    public static G2p open(LoadedModel model, OnnxEngine engine) {
        ModelManifest manifest = model.manifest();
        if (!TASK.equals(manifest.task())) {
            throw new ManifestException("model " + model.id() + " has task '" + manifest.task() + "', expected '" + TASK + "'", null);
        }
        PhoneSet phones = PhoneSet.arpabet();
        phones.requireSame(manifest.phones(), model.id());
        String graphemes = manifest.architecture().get("graphemes") instanceof String text ? text : "";
        int upsample = manifest.architecture().get("upsample") instanceof Integer number ? number : 0;
        if (graphemes.isEmpty() || upsample < 1) {
            throw new ManifestException("model " + model.id() + " needs architecture.graphemes and architecture.upsample >= 1", null);
        }
        requireTensor(model, manifest.file(ModelManifest.MODEL_ROLE).inputs(), INPUT);
        requireTensor(model, manifest.file(ModelManifest.MODEL_ROLE).outputs(), OUTPUT);
        OnnxModel onnx = engine.load(model.id(), model.modelFile());
        if (!onnx.inputNames().equals(List.of(INPUT)) || !onnx.outputNames().equals(List.of(OUTPUT))) {
            throw new ManifestException("model " + model.id() + ": the graph maps " + onnx.inputNames() + " to "
                    + onnx.outputNames() + ", the manifest says [" + INPUT + "] to [" + OUTPUT + "]", null);
        }
        return new G2p(model, onnx, phones, graphemes, upsample);
    }

    /** The model this G2P runs. */
    public LoadedModel model() {
        return model;
    }

    /** Whether every character of {@code word} is one the model reads (a-z and the apostrophe). */
    public boolean canSpell(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> graphemes.indexOf(c) >= 0);
    }

    /**
     * Pronounces one normalised word ({@link TextNormalizer#words}).
     *
     * @throws IllegalArgumentException if the word is empty or has a character the model does not read
     * @throws io.wakestream.common.onnx.OnnxException if the model fails to run
     * @throws IllegalStateException if the graph's output is not [1, upsample·T, phones]
     */
    public G2pPronunciation pronounce(String word) {
        if (!canSpell(word)) {
            throw new IllegalArgumentException("G2P reads words of the characters '" + graphemes + "', got '" + word
                    + "'; normalise the text with TextNormalizer first");
        }
        float[] ids = new float[word.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = graphemes.indexOf(word.charAt(i)) + 1;
        }
        FloatTensor logProbs = onnx.run(FloatTensor.of(ids, 1, ids.length));
        long[] shape = logProbs.shape();
        if (shape.length != 3 || shape[1] != (long) upsample * ids.length || shape[2] != phones.size()) {
            throw new IllegalStateException("model " + model.id() + " returned log_probs of shape " + Arrays.toString(shape)
                    + " for " + ids.length + " letters; expected [1, " + upsample * ids.length + ", " + phones.size() + "]");
        }
        return decode(word, logProbs.data(), (int) shape[1]);
    }

    private G2pPronunciation decode(String word, float[] logProbs, int frames) {
        int size = phones.size();
        List<String> result = new ArrayList<>();
        double pathLogProbability = 0;
        int previous = PhoneSet.BLANK;
        for (int t = 0; t < frames; t++) {
            int best = 0;
            for (int p = 1; p < size; p++) {
                if (logProbs[t * size + p] > logProbs[t * size + best]) {
                    best = p;
                }
            }
            pathLogProbability += logProbs[t * size + best];
            if (best != PhoneSet.BLANK && best != previous) {
                result.add(phones.phone(best));
            }
            previous = best;
        }
        return new G2pPronunciation(word, result, pathLogProbability);
    }

    private static void requireTensor(LoadedModel model, List<TensorSpec> tensors, String name) {
        if (tensors.size() != 1 || !tensors.getFirst().name().equals(name)) {
            throw new ManifestException("model " + model.id() + ": the manifest's model file must declare the one tensor '"
                    + name + "', it declares " + tensors.stream().map(TensorSpec::name).toList(), null);
        }
    }
}
