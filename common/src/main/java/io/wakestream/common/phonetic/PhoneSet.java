package io.wakestream.common.phonetic;

import io.wakestream.common.model.ManifestException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone set of every phonetic model: ARPAbet without stress (CMUdict's 39 phones), in output-index
 * order, index {@value #BLANK} being the CTC blank. Read from the classpath resource
 * {@code arpabet.txt} beside this class, the same file the training toolkit reads
 * ({@code wakestream_training.phonetic.phones}); model manifests repeat the list and are checked
 * against it.
 */
public final class PhoneSet {

    /** The output index of the CTC blank. */
    public static final int BLANK = 0;

    private static final String RESOURCE = "arpabet.txt";
    private static final PhoneSet ARPABET = load();

    private final List<String> phones;
    private final Map<String, Integer> indices = new HashMap<>();

    private PhoneSet(List<String> phones) {
        this.phones = List.copyOf(phones);
        for (int i = 0; i < this.phones.size(); i++) {
            indices.put(this.phones.get(i), i);
        }
    }

    /** The project's phone set (40 entries: {@code <blank>}, then AA ... ZH). */
    public static PhoneSet arpabet() {
        return ARPABET;
    }

    /** Every entry in index order, the blank first. */
    public List<String> phones() {
        return phones;
    }

    /** Number of entries, the blank included: the size of a model's phone axis. */
    public int size() {
        return phones.size();
    }

    /** The phone at an output index. */
    public String phone(int index) {
        return phones.get(index);
    }

    /**
     * The output index of a phone (upper case, no stress mark).
     *
     * @throws IllegalArgumentException if the phone is not in the set
     */
    public int index(String phone) {
        Integer index = indices.get(phone);
        if (index == null) {
            throw new IllegalArgumentException("unknown phone '" + phone + "'; the phone set is "
                    + String.join(" ", phones.subList(1, phones.size())));
        }
        return index;
    }

    /** Whether {@code phone} is a phone of the set (the blank is not). */
    public boolean contains(String phone) {
        Integer index = indices.get(phone);
        return index != null && index != BLANK;
    }

    /**
     * Checks that a model's phone axis is this set, in this order.
     *
     * @param phones  the phone list a model's manifest declares, the blank first
     * @param modelId the model, for the message
     * @throws ManifestException if the lists differ
     */
    public void requireSame(List<String> phones, String modelId) {
        if (!this.phones.equals(phones)) {
            throw new ManifestException("model " + modelId + " declares the phones " + phones + ", but the phone set is "
                    + this.phones + " (" + RESOURCE + ")", null);
        }
    }

    private static PhoneSet load() {
        try (InputStream in = PhoneSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " beside " + PhoneSet.class.getName() + " is missing");
            }
            List<String> phones = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            return new PhoneSet(phones);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
