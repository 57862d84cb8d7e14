package io.wakestream.common.bench;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.frontend.FrameSink;
import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.frontend.LogMelStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the log-mel frontend per second of audio: each invocation streams one second of 16 kHz
 * audio (100 frames) through a long-lived stream in 20 ms chunks, as the wakeword service feeds
 * it; single-threaded, so the average time is CPU time per second of audio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogMelFrontendBenchmark {

    private static final int SECOND = LogMelFrontend.SAMPLE_RATE;
    private static final int CHUNK = 320;

    @Param({"40", "80"})
    public int nMels;

    private float[] second;
    private byte[] secondPcm;
    private LogMelStream stream;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        second = new float[SECOND];
        for (int i = 0; i < SECOND; i++) {
            second[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / SECOND) + 0.05 * random.nextGaussian());
        }
        secondPcm = Pcm16.toBytes(second);
        stream = new LogMelFrontend(nMels).newStream();
    }

    @Benchmark
    public void floatSamplesPerSecondOfAudio(Blackhole blackhole) {
        FrameSink sink = (frame, features) -> blackhole.consume(features);
        for (int at = 0; at < SECOND; at += CHUNK) {
            stream.accept(second, at, CHUNK, sink);
        }
    }

    @Benchmark
    public void pcm16BytesPerSecondOfAudio(Blackhole blackhole) {
        FrameSink sink = (frame, features) -> blackhole.consume(features);
        for (int at = 0; at < 2 * SECOND; at += 2 * CHUNK) {
            stream.acceptPcm16(ByteBuffer.wrap(secondPcm, at, 2 * CHUNK), sink);
        }
    }
}
