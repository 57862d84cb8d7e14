package io.wakestream.cli.bench;

/**
 * Where a wake phrase was inserted into a stream: a detection whose {@code end_sample} falls in
 * [{@code fromSample}, {@code toSample}) found it.
 *
 * @param fromSample the inserted clip's first sample (16 kHz, from the stream's start)
 * @param toSample   the clip's end plus a tolerance for the detector's delay, exclusive
 * @param complete   whether the whole clip was streamed (a clip cut by the end of the run is not counted as
 *                   inserted, though a detection in it is not a false one)
 */
public record PhraseWindow(long fromSample, long toSample, boolean complete) {

    public boolean contains(long sample) {
        return sample >= fromSample && sample < toSample;
    }
}
