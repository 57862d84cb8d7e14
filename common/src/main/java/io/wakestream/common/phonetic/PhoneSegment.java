package io.wakestream.common.phonetic;

/**
 * One phone on encoder outputs [startFrame, endFrame), i.e. [startMs, endMs) of the stream.
 *
 * @param phone      the phone's symbol, e.g. {@code EY}
 * @param index      its output index (1..V-1; 0 is the blank)
 * @param startFrame first output of the phone
 * @param endFrame   output after its last
 * @param startMs    startFrame x outputFrameMs
 * @param endMs      endFrame x outputFrameMs
 * @param score      mean natural-log posterior of the phone over its outputs, summed in order in double
 */
public record PhoneSegment(String phone, int index, int startFrame, int endFrame, long startMs, long endMs, double score) {

    /** The segment of outputs [start, end) of {@code logProbs}, timed at the table's milliseconds per output. */
    static PhoneSegment of(PhoneTable phones, int index, int start, int end, float[][] logProbs) {
        double sum = 0;
        for (int t = start; t < end; t++) {
            sum += logProbs[t][index];
        }
        return new PhoneSegment(phones.symbol(index), index, start, end, (long) start * phones.frameMs(),
                (long) end * phones.frameMs(), sum / (end - start));
    }
}
