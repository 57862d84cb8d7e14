package io.wakestream.common.onnx;

/** A model could not be loaded or run; the message names the model. */
public class OnnxException extends RuntimeException {

    public OnnxException(String message) {
        super(message);
    }

    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
