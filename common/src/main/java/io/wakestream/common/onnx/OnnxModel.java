package io.wakestream.common.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loaded ONNX graph: a session shared by every caller, owned and closed by its
 * {@link OnnxEngine}. Runs are thread-safe; every tensor and result of a run is closed before
 * the run returns. Closing waits for the runs in flight, and a run after it fails with an
 * {@link OnnxException}: a native session freed under a running call would crash the JVM (a
 * Kafka listener still draining its last poll while the application context shuts down).
 */
public final class OnnxModel {

    private final String id;
    private final Path file;
    private final OnnxProvider provider;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Map<String, long[]> inputShapes;
    private final Map<String, long[]> outputShapes;
    private final OnnxRunListener runListener;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    OnnxModel(String id, Path file, OnnxProvider provider, OrtEnvironment environment, OrtSession session,
              OnnxRunListener runListener) throws OrtException {
        this.id = id;
        this.file = file;
        this.provider = provider;
        this.environment = environment;
        this.session = session;
        this.inputShapes = shapes(session.getInputInfo());
        this.outputShapes = shapes(session.getOutputInfo());
        this.runListener = runListener;
    }

    /** The id the model was loaded under. */
    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    /** The provider the session really runs on: {@link OnnxProvider#CPU} or {@link OnnxProvider#CUDA}. */
    public OnnxProvider provider() {
        return provider;
    }

    public List<String> inputNames() {
        return List.copyOf(inputShapes.keySet());
    }

    public List<String> outputNames() {
        return List.copyOf(outputShapes.keySet());
    }

    /** The declared shape of an input; -1 marks a dynamic dimension. */
    public long[] inputShape(String name) {
        return declaredShape(inputShapes, name, "input");
    }

    /** The declared shape of an output; -1 marks a dynamic dimension. */
    public long[] outputShape(String name) {
        return declaredShape(outputShapes, name, "output");
    }

    /** Runs a graph with one input and one output. */
    public FloatTensor run(FloatTensor input) {
        if (inputShapes.size() != 1 || outputShapes.size() != 1) {
            throw new OnnxException("model " + id + " has inputs " + inputShapes.keySet() + " and outputs "
                    + outputShapes.keySet() + "; run(FloatTensor) needs exactly one of each");
        }
        Map<String, FloatTensor> outputs = run(Map.of(inputShapes.keySet().iterator().next(), input));
        return outputs.values().iterator().next();
    }

    /** Runs the graph on named float inputs and returns every output by name, in graph order. */
    public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) {
        if (!inputs.keySet().equals(inputShapes.keySet())) {
            throw new OnnxException("model " + id + " takes inputs " + inputShapes.keySet() + ", got " + inputs.keySet());
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new OnnxException("model " + id + " is closed");
            }
            return runOpen(inputs);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Map<String, FloatTensor> runOpen(Map<String, FloatTensor> inputs) {
        long started = System.nanoTime();
        List<OnnxTensor> created = new ArrayList<>(inputs.size());
        try {
            Map<String, OnnxTensor> feed = new LinkedHashMap<>();
            int index = 0;
            for (Map.Entry<String, FloatTensor> input : inputs.entrySet()) {
                OnnxTensor tensor = OnnxTensor.createTensor(
                        environment, InputBuffers.filled(index++, input.getValue().data()), input.getValue().shape());
                created.add(tensor);
                feed.put(input.getKey(), tensor);
            }
            try (OrtSession.Result result = session.run(feed)) {
                Map<String, FloatTensor> outputs = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    outputs.put(output.getKey(), toFloatTensor(output.getKey(), output.getValue()));
                }
                runListener.ran(this, System.nanoTime() - started);
                return outputs;
            }
        } catch (OrtException e) {
            throw new OnnxException("model " + id + " failed to run: " + e.getMessage(), e);
        } finally {
            created.forEach(OnnxTensor::close);
        }
    }

    void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new OnnxException("model " + id + " failed to close: " + e.getMessage(), e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + id + " on " + provider + " from " + file + "]";
    }

    private FloatTensor toFloatTensor(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new OnnxException("model " + id + " output " + name + " is " + value.getInfo()
                    + ", only float32 tensors are supported");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] data = new float[buffer.remaining()];
        buffer.get(data);
        return new FloatTensor(data, tensor.getInfo().getShape());
    }

    private long[] declaredShape(Map<String, long[]> shapes, String name, String kind) {
        long[] shape = shapes.get(name);
        if (shape == null) {
            throw new OnnxException("model " + id + " has no " + kind + " named " + name + "; it has " + shapes.keySet());
        }
        return shape.clone();
    }

    private static Map<String, long[]> shapes(Map<String, NodeInfo> nodes) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        nodes.forEach((name, node) -> shapes.put(name, node.getInfo() instanceof TensorInfo tensor
                ? Arrays.copyOf(tensor.getShape(), tensor.getShape().length)
                : new long[0]));
        return Collections.unmodifiableMap(shapes);
    }
}
