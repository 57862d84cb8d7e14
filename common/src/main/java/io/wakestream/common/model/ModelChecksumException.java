package io.wakestream.common.model;

import java.nio.file.Path;

/** A model file's content does not match the sha256 its manifest records. */
public class ModelChecksumException extends ModelException {

    private final Path file;
    private final String expected;
    private final String actual;

    public ModelChecksumException(Path file, String expected, String actual) {
        super("sha256 mismatch for " + file + ": manifest expects " + expected + ", file has " + actual);
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public Path file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
