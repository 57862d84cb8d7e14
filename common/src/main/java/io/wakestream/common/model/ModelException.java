package io.wakestream.common.model;

/** A model artifact could not be found, read or trusted. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
