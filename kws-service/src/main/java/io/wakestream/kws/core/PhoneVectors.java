package io.wakestream.kws.core;

import io.wakestream.common.model.ModelException;
import io.wakestream.common.phonetic.PhoneSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifier's phone-vector table ({@code phone-vectors.json}: {@code {"phones": [...], "dimension": D,
 * "vectors": [[D floats] per phone]}}): one L2-normalised vector per ARPAbet phone in the phonetic
 * encoder's embedding space (the mean embedding of frames aligned to the phone). Immutable, thread-safe.
 */
public final class PhoneVectors {

    /** How far from 1 a vector's L2 norm may be (the table is written as decimal text). */
    static final double NORM_TOLERANCE = 1e-3;

    private final int dimension;
    private final Map<String, float[]> vectors;

    private PhoneVectors(int dimension, Map<String, float[]> vectors) {
        this.dimension = dimension;
        this.vectors = vectors;
    }

    /**
     * Reads and checks a table: every phone is one of {@link PhoneSet#arpabet()}'s, none twice, each vector has
     * {@code dimension} finite values and unit norm.
     *
     * @throws ModelException if the file cannot be read or breaks one of those rules; the message names the file
     */
    public static PhoneVectors read(Path file) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        } catch (IOException | JacksonException e) {
            throw new ModelException("cannot read phone vectors " + file + ": " + e.getMessage(), e);
        }
        JsonNode phones = root.path("phones");
        JsonNode rows = root.path("vectors");
        int dimension = root.path("dimension").asInt(0);
        if (!phones.isArray() || !rows.isArray() || phones.size() != rows.size() || phones.isEmpty() || dimension < 1) {
            throw new ModelException("phone vectors " + file + " need \"phones\", a positive \"dimension\" and one vector per"
                    + " phone; has " + phones.size() + " phones, " + rows.size() + " vectors, dimension " + dimension);
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < phones.size(); i++) {
            String phone = phones.get(i).asString();
            if (!PhoneSet.arpabet().contains(phone) || vectors.containsKey(phone)) {
                throw new ModelException("phone vectors " + file + ": '" + phone + "' is "
                        + (vectors.containsKey(phone) ? "listed twice" : "not a phone of the phone set"));
            }
            vectors.put(phone, vector(file, phone, rows.get(i), dimension));
        }
        return new PhoneVectors(dimension, Map.copyOf(vectors));
    }

    /** Builds a table in memory (tests); vectors are checked as {@link #read} checks them. */
    static PhoneVectors of(int dimension, Map<String, float[]> vectors) {
        vectors.forEach((phone, vector) -> checkNorm(Path.of("<memory>"), phone, vector));
        Map<String, float[]> copy = new HashMap<>();
        vectors.forEach((phone, vector) -> copy.put(phone, vector.clone()));
        return new PhoneVectors(dimension, Map.copyOf(copy));
    }

    /** D: values of a vector, the encoder's embedding size. */
    public int dimension() {
        return dimension;
    }

    public boolean contains(String phone) {
        return vectors.containsKey(phone);
    }

    /**
     * The vectors of {@code phones} in order as a row-major [K][D] matrix.
     *
     * @throws IllegalArgumentException if a phone has no vector
     */
    public float[] matrix(List<String> phones) {
        float[] matrix = new float[phones.size() * dimension];
        for (int k = 0; k < phones.size(); k++) {
            float[] vector = vectors.get(phones.get(k));
            if (vector == null) {
                throw new IllegalArgumentException("no phone vector for '" + phones.get(k) + "'");
            }
            System.arraycopy(vector, 0, matrix, k * dimension, dimension);
        }
        return matrix;
    }

    private static float[] vector(Path file, String phone, JsonNode row, int dimension) {
        if (!row.isArray() || row.size() != dimension) {
            throw new ModelException("phone vectors " + file + ": the vector of " + phone + " has " + row.size()
                    + " values, the dimension is " + dimension);
        }
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) row.get(d).asDouble(Double.NaN);
        }
        checkNorm(file, phone, vector);
        return vector;
    }

    private static void checkNorm(Path file, String phone, float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        double norm = Math.sqrt(squares);
        if (!(Math.abs(norm - 1) <= NORM_TOLERANCE)) {
            throw new ModelException("phone vectors " + file + ": the vector of " + phone + " has L2 norm " + norm
                    + ", not 1 (finite values, normalised)");
        }
    }
}
