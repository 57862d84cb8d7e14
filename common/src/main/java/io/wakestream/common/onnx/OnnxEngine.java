package io.wakestream.common.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one entry point to ONNX Runtime: the process-wide {@link OrtEnvironment} and one shared
 * session per model id, created with the configured provider and thread counts. Closing the
 * engine closes every session it created; the environment itself lives as long as the process,
 * as ONNX Runtime intends.
 */
public final class OnnxEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnnxEngine.class);

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OnnxConfig config;
    private final OnnxRunListener runListener;
    private final ConcurrentMap<String, OnnxModel> models = new ConcurrentHashMap<>();
    // Under AUTO, once CUDA failed to load we stop retrying it, so the warning appears once.
    private volatile boolean cudaFailed;

    public OnnxEngine(OnnxConfig config) {
        this(config, OnnxRunListener.NONE);
    }

    /** An engine whose models tell {@code runListener} of every run, e.g. to time it per model. */
    public OnnxEngine(OnnxConfig config, OnnxRunListener runListener) {
        this.config = config;
        this.runListener = runListener;
    }

    public OnnxConfig config() {
        return config;
    }

    /**
     * The model loaded under {@code id}, creating its session from {@code file} on first use.
     *
     * @throws OnnxException if the file is missing or invalid, if the id is already taken by
     *                       another file, or if provider {@code cuda} was requested and CUDA
     *                       does not load
     */
    public OnnxModel load(String id, Path file) {
        Path path = file.toAbsolutePath().normalize();
        OnnxModel model = models.computeIfAbsent(id, key -> open(key, path));
        if (!model.file().equals(path)) {
            throw new OnnxException("model id " + id + " is already loaded from " + model.file() + ", not " + path);
        }
        return model;
    }

    /** The loaded models, ordered by id. */
    public List<OnnxModel> models() {
        return models.values().stream().sorted(Comparator.comparing(OnnxModel::id)).toList();
    }

    @Override
    public void close() {
        models.values().forEach(OnnxModel::close);
        models.clear();
    }

    private OnnxModel open(String id, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OnnxException("model " + id + ": no file " + file);
        }
        OnnxModel model = switch (config.provider()) {
            case CPU -> openOnCpu(id, file);
            case CUDA -> openOnCuda(id, file);
            case AUTO -> cudaFailed ? openOnCpu(id, file) : openOnCudaOrCpu(id, file);
        };
        log.info("Loaded ONNX model {} from {} on {} (intra-op threads {}, inter-op threads {})",
                id, file, model.provider(), config.intraOpThreads(), config.interOpThreads());
        return model;
    }

    private OnnxModel openOnCudaOrCpu(String id, Path file) {
        try {
            return openOnCuda(id, file);
        } catch (CudaUnavailableException e) {
            cudaFailed = true;
            log.warn("ONNX provider auto: CUDA is not available ({}); running models on the CPU", e.reason);
            return openOnCpu(id, file);
        } catch (OnnxException e) {
            log.warn("ONNX provider auto: model {} did not load on CUDA ({}); trying the CPU", id, e.getMessage());
            return openOnCpu(id, file);
        }
    }

    private OnnxModel openOnCuda(String id, Path file) {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            throw new CudaUnavailableException(id, "this ONNX Runtime build has no CUDA provider", null);
        }
        try (OrtSession.SessionOptions options = baseOptions(id)) {
            try {
                options.addCUDA(config.cudaDeviceId());
            } catch (OrtException e) {
                throw new CudaUnavailableException(id, e.getMessage(), e);
            }
            return createSession(id, file, options, OnnxProvider.CUDA);
        }
    }

    private OnnxModel openOnCpu(String id, Path file) {
        try (OrtSession.SessionOptions options = baseOptions(id)) {
            return createSession(id, file, options, OnnxProvider.CPU);
        }
    }

    private OrtSession.SessionOptions baseOptions(String id) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(config.interOpThreads());
            return options;
        } catch (OrtException e) {
            options.close();
            throw new OnnxException("model " + id + ": invalid session options: " + e.getMessage(), e);
        }
    }

    private OnnxModel createSession(String id, Path file, OrtSession.SessionOptions options, OnnxProvider provider) {
        OrtSession session = null;
        try {
            session = environment.createSession(file.toString(), options);
            return new OnnxModel(id, file, provider, environment, session, runListener);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new OnnxException("model " + id + ": cannot create an ONNX Runtime session from " + file
                    + " on " + provider + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException ignored) {
            // the creation error is the one worth reporting
        }
    }

    /** Provider cuda was requested (or tried under auto) and CUDA did not load. */
    private static final class CudaUnavailableException extends OnnxException {
        private final String reason;

        CudaUnavailableException(String id, String reason, Throwable cause) {
            super("model " + id + ": ONNX provider cuda was requested but CUDA is not available (" + reason
                    + "); build with the Maven profile -Pcuda (onnxruntime_gpu) on a host with CUDA 12 and cuDNN 9,"
                    + " or set the provider to auto or cpu", cause);
            this.reason = reason;
        }
    }
}
