package io.wakestream.common.audio;

/** How a WAV file stores one sample. */
public enum SampleEncoding {
    /** Unsigned integer with its midpoint at zero: WAV's 8-bit PCM. */
    UNSIGNED_INT,
    /** Two's complement integer, little-endian: WAV's 16-, 24- and 32-bit PCM. */
    SIGNED_INT,
    /** IEEE 754 float, little-endian: 32 or 64 bits. */
    FLOAT
}
