package io.wakestream.common.phonetic;

import java.util.List;

/**
 * What the G2P model makes of one word.
 *
 * @param word           the word, as {@link TextNormalizer} spells it
 * @param phones         the greedy CTC decoding: ARPAbet phones without stress; empty if every frame's
 *                       best output was the blank
 * @param logProbability natural log-probability of the best frame path (the sum of each frame's
 *                       best log-probability), &lt;= 0: a confidence, higher is surer
 */
public record G2pPronunciation(String word, List<String> phones, double logProbability) {

    public G2pPronunciation {
        phones = List.copyOf(phones);
    }
}
