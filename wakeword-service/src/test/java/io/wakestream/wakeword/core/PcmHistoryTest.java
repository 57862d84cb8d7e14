package io.wakestream.wakeword.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcmHistoryTest {

    @Test
    void appendsOfAnyLengthAcrossTheRingsEndKeepTheLastSamplesInOrder() {
        Random random = new Random(7);
        int capacity = 1000;
        long start = 12_345;
        PcmHistory history = new PcmHistory(capacity, start);
        List<Short> all = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            short[] chunk = new short[random.nextInt(2600)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (short) random.nextInt();
            }
            int from = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
            history.append(chunk, from, chunk.length);
            for (int i = from; i < chunk.length; i++) {
                all.add(chunk[i]);
            }
            long end = start + all.size();
            assertThat(history.endSample()).isEqualTo(end);
            assertThat(history.firstHeldSample()).isEqualTo(Math.max(start, end - capacity));

            long copyFrom = end - random.nextInt(capacity + 200);
            long copyTo = copyFrom + random.nextInt(capacity + 200);
            short[] copied = history.copy(copyFrom, copyTo);
            long first = Math.max(copyFrom, history.firstHeldSample());
            long stop = Math.min(copyTo, end);
            assertThat(copied).hasSize((int) Math.max(0, stop - first));
            for (int i = 0; i < copied.length; i++) {
                assertThat(copied[i]).isEqualTo(all.get((int) (first - start + i)));
            }
        }
    }
}
