package io.wakestream.kws.core;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import java.util.Map;

/**
 * What a keyword verifier's manifest says about running it ({@code models/kws-verifier/<version>/manifest.json}):
 * the phonetic encoder whose embeddings it reads, how a clip is cut into spans, how a span is partitioned,
 * and the acceptance threshold.
 *
 * @param encoderName    the encoder model's name ({@code architecture.encoder}, before the last '/')
 * @param encoderVersion the encoder's version (after the last '/')
 * @param spans          {@code architecture.span_*}
 * @param partition      {@code architecture.partition}
 * @param minSegmentWeight {@code architecture.min_segment_weight}: the floor of a segment's summed speech
 *                       weight when its embeddings are pooled
 * @param threshold      {@code thresholds.verification}: a score at or above it is accepted
 */
public record VerifierSpec(String encoderName, String encoderVersion, SpanPlan spans, PartitionMethod partition,
                           double minSegmentWeight, double threshold) {

    /** The manifest's task of a keyword verifier. */
    public static final String TASK = "keyword-verification";
    /** The role of the phone-vector table among the manifest's files. */
    public static final String PHONE_VECTORS_ROLE = "phone_vectors";
    /** The threshold's name under {@code thresholds}. */
    public static final String THRESHOLD = "verification";

    /**
     * The spec of a verified model, checked.
     *
     * @throws ModelException if the task is not {@value #TASK}, or the encoder, a span setting, the partition,
     *                        the {@value #PHONE_VECTORS_ROLE} file or the threshold is missing or invalid
     */
    public static VerifierSpec of(LoadedModel model) {
        ModelManifest manifest = model.manifest();
        if (!TASK.equals(manifest.task())) {
            throw new ModelException("model " + model.id() + " has task " + manifest.task() + ", not " + TASK);
        }
        manifest.file(PHONE_VECTORS_ROLE);
        Map<String, Object> architecture = manifest.architecture();
        String encoder = architecture.get("encoder") instanceof String text ? text : "";
        int slash = encoder.lastIndexOf('/');
        if (slash <= 0 || slash == encoder.length() - 1) {
            throw new ModelException("model " + model.id() + " needs architecture.encoder as name/version, has '" + encoder + "'");
        }
        double threshold = manifest.threshold(THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ModelException("model " + model.id() + " threshold " + THRESHOLD + " must be in [0, 1], is " + threshold);
        }
        try {
            SpanPlan spans = new SpanPlan(integer(model, "span_min_frames"), integer(model, "span_frames_per_phone"),
                    integer(model, "span_margin_frames"), integer(model, "span_hop_frames"));
            PartitionMethod partition = PartitionMethod.parse(String.valueOf(architecture.get("partition")));
            if (!(architecture.get("min_segment_weight") instanceof Number weight) || !(weight.doubleValue() > 0)) {
                throw new ModelException("model " + model.id() + " needs a positive architecture.min_segment_weight, has "
                        + architecture.get("min_segment_weight"));
            }
            return new VerifierSpec(encoder.substring(0, slash), encoder.substring(slash + 1), spans, partition,
                    weight.doubleValue(), threshold);
        } catch (IllegalArgumentException e) {
            throw new ModelException("model " + model.id() + ": " + e.getMessage(), e);
        }
    }

    /** The encoder as name/version. */
    public String encoderId() {
        return encoderName + "/" + encoderVersion;
    }

    private static int integer(LoadedModel model, String name) {
        if (!(model.manifest().architecture().get(name) instanceof Integer value)) {
            throw new ModelException("model " + model.id() + " needs an integer architecture." + name + ", has "
                    + model.manifest().architecture().get(name));
        }
        return value;
    }
}
