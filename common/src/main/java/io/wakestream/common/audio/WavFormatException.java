package io.wakestream.common.audio;

import java.io.IOException;

/** A WAV file that is malformed or stores its samples in a way this reader does not decode. */
public class WavFormatException extends IOException {

    public WavFormatException(String message) {
        super(message);
    }
}
