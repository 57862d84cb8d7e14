package io.wakestream.common.model;

/** A manifest.json is not valid JSON or lacks a required field. */
public class ManifestException extends ModelException {

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
