package io.wakestream.common.onnx;

/**
 * How {@link OnnxEngine} creates sessions.
 *
 * @param provider        execution provider choice
 * @param intraOpThreads  threads inside one operator; 0 lets ONNX Runtime use all cores
 * @param interOpThreads  threads across independent operators; 0 lets ONNX Runtime decide
 * @param cudaDeviceId    the GPU used when the CUDA provider loads
 */
public record OnnxConfig(OnnxProvider provider, int intraOpThreads, int interOpThreads, int cudaDeviceId) {

    public OnnxConfig {
        if (provider == null) {
            throw new IllegalArgumentException("provider must be set");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException(
                    "thread counts must be >= 0 (0 = ONNX Runtime default), got intra-op "
                            + intraOpThreads + ", inter-op " + interOpThreads);
        }
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("cudaDeviceId must be >= 0, got " + cudaDeviceId);
        }
    }

    /**
     * Provider {@code auto} with one intra-op and one inter-op thread: a streaming service runs
     * many small model calls in parallel, so parallelism comes from streams, not from one call.
     */
    public static OnnxConfig defaults() {
        return new OnnxConfig(OnnxProvider.AUTO, 1, 1, 0);
    }

    public OnnxConfig withProvider(OnnxProvider newProvider) {
        return new OnnxConfig(newProvider, intraOpThreads, interOpThreads, cudaDeviceId);
    }

    public OnnxConfig withThreads(int intraOp, int interOp) {
        return new OnnxConfig(provider, intraOp, interOp, cudaDeviceId);
    }
}
