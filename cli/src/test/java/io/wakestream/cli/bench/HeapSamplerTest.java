package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void heapInUseIsTheSumOfTheHeapPoolsOnly() {
        String exposition = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space",service="wakeword-service"} 1.2E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen",service="wakeword-service"} 3.4E7
                jvm_memory_used_bytes{area="heap",id="G1 Survivor Space",service="wakeword-service"} 1048576.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace",service="wakeword-service"} 9.9E7
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen",service="wakeword-service"} 4.0E9
                jvm_memory_committed_bytes{area="heap",id="G1 Eden Space",service="wakeword-service"} 2.0E7
                jvm_memory_committed_bytes{area="heap",id="G1 Old Gen",service="wakeword-service"} 5.0E7
                jvm_memory_committed_bytes{area="nonheap",id="Metaspace",service="wakeword-service"} 1.0E8
                """;

        assertThat(HeapSampler.heapBytes(exposition)).isEqualTo(12_000_000L + 34_000_000L + 1_048_576L);
        assertThat(HeapSampler.committedHeapBytes(exposition)).isEqualTo(20_000_000L + 50_000_000L);
    }
}
