package io.wakestream.common.onnx;

/** Told of every completed graph run, e.g. to time it; called on the running thread, so it must be cheap. */
@FunctionalInterface
public interface OnnxRunListener {

    /** Listens to nothing: the offline commands and tests that time nothing. */
    OnnxRunListener NONE = (model, nanos) -> {
    };

    /**
     * @param model the model that ran
     * @param nanos wall-clock time of the run in nanoseconds: input tensors, the session run, output copies
     */
    void ran(OnnxModel model, long nanos);
}
