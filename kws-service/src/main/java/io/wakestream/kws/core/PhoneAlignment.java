package io.wakestream.kws.core;

/**
 * Where one phone of the phrase was found: its segment of the best span, in milliseconds of the whole clip.
 *
 * @param unit    the phone (ARPAbet, no stress)
 * @param startMs first millisecond, inclusive
 * @param endMs   last millisecond, exclusive
 */
public record PhoneAlignment(String unit, long startMs, long endMs) {
}
