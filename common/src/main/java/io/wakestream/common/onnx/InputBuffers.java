package io.wakestream.common.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffers that a thread reuses for its runs' inputs. ONNX Runtime reads a tensor from a direct buffer in place
 * but copies a heap buffer into a direct one it allocates (and zeroes) for every run, which showed in the wake-word
 * service's profile at hundreds of streams. A run closes its tensors before it returns, so the next run on the same
 * thread may refill them.
 */
final class InputBuffers {

    private static final ThreadLocal<List<FloatBuffer>> OWN = ThreadLocal.withInitial(ArrayList::new);

    private InputBuffers() {
    }

    /** This thread's buffer for input number {@code index}, filled with {@code values}, position 0, limit their length. */
    static FloatBuffer filled(int index, float[] values) {
        List<FloatBuffer> buffers = OWN.get();
        while (buffers.size() <= index) {
            buffers.add(allocate(values.length));
        }
        FloatBuffer buffer = buffers.get(index);
        if (buffer.capacity() < values.length) {
            buffer = allocate(Math.max(values.length, 2 * buffer.capacity()));
            buffers.set(index, buffer);
        }
        buffer.clear();
        buffer.put(values);
        buffer.flip();
        return buffer;
    }

    private static FloatBuffer allocate(int floats) {
        return ByteBuffer.allocateDirect(Math.max(1, floats) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
