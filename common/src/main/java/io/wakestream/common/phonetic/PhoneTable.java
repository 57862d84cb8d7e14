package io.wakestream.common.phonetic;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The decoders' view of an encoder's outputs: symbol of each index (0 the blank) and milliseconds per output. */
record PhoneTable(List<String> symbols, int frameMs) {

    static final int BLANK = 0;

    PhoneTable {
        symbols = List.copyOf(symbols);
        if (symbols.size() < 2) {
            throw new IllegalArgumentException("need the blank and at least one phone, got " + symbols);
        }
        if (frameMs < 1) {
            throw new IllegalArgumentException("output frame must be at least 1 ms, got " + frameMs);
        }
    }

    String symbol(int index) {
        return symbols.get(index);
    }

    /** Output indices of ARPAbet phones, stress digits ignored, any case (as the toolkit's phones.index). */
    int[] indices(List<String> phones) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 1; i < symbols.size(); i++) {
            index.put(symbols.get(i), i);
        }
        int[] indices = new int[phones.size()];
        for (int i = 0; i < indices.length; i++) {
            String phone = phones.get(i).strip().toUpperCase(Locale.ROOT).replaceAll("[012]$", "");
            Integer found = index.get(phone);
            if (found == null) {
                throw new IllegalArgumentException("unknown phone '" + phones.get(i) + "'; the phones are "
                        + symbols.subList(1, symbols.size()));
            }
            indices[i] = found;
        }
        return indices;
    }

    /** Checks that every row of {@code logProbs} has one value per symbol. */
    void checkWidth(float[][] logProbs) {
        for (int t = 0; t < logProbs.length; t++) {
            if (logProbs[t].length != symbols.size()) {
                throw new IllegalArgumentException("log-posteriors row " + t + " has " + logProbs[t].length
                        + " values, expected " + symbols.size() + " (blank + phones)");
            }
        }
    }
}
