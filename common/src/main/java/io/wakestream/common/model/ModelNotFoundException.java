package io.wakestream.common.model;

/** A model directory, its manifest, or a file the manifest lists does not exist. */
public class ModelNotFoundException extends ModelException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
