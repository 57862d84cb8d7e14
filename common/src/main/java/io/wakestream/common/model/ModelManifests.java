package io.wakestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}: snake_case keys, unknown keys ignored for forward compatibility. */
public final class ModelManifests {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ModelManifests() {
    }

    /**
     * Reads a manifest file.
     *
     * @throws ModelNotFoundException if the file does not exist
     * @throws ManifestException      if it is not a valid manifest; the message names the file
     */
    public static ModelManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelNotFoundException("no manifest " + file);
        }
        try {
            return MAPPER.readValue(Files.readAllBytes(file), ModelManifest.class);
        } catch (JacksonException e) {
            throw new ManifestException("invalid manifest " + file + ": " + rootMessage(e), e);
        } catch (IOException e) {
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest as indented JSON. */
    public static String toJson(ModelManifest manifest) {
        return MAPPER.writeValueAsString(manifest);
    }

    /** Writes the manifest as indented JSON. */
    public static void write(ModelManifest manifest, Path file) throws IOException {
        Files.writeString(file, toJson(manifest) + System.lineSeparator());
    }

    // Validation errors from the records' constructors arrive wrapped; their own message says what is wrong.
    private static String rootMessage(JacksonException error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof IllegalArgumentException ? cause.getMessage() : error.getOriginalMessage();
    }
}
