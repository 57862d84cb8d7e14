package io.wakestream.wakeword.core.openvocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The phrase search on synthetic posteriorgrams (one confident symbol a frame, {@link Posteriorgram}). */
class PhoneSequenceSearchTest {

    private static final SearchSettings SETTINGS = SearchSettings.defaults();
    private static final String HEY_NOVA = "HH EY N OW V AH";

    @Test
    void aPhraseSpokenAsTheEncoderHearsItScoresZeroWhereItEnds() {
        Posteriorgram audio = new Posteriorgram().blanks(10).then("HH EY _ _ N N OW _ V AH").blanks(10);

        List<PhraseMatch> matches = new PhraseSearch(Posteriorgram.phrase(HEY_NOVA), SETTINGS).accept(audio.frames());

        PhraseMatch best = Posteriorgram.best(matches);
        assertThat(best.score()).isEqualTo(0f);
        assertThat(best.confidence()).isEqualTo(1f);
        assertThat(best.endFrame()).as("just after AH, output 19").isEqualTo(20);
        assertThat(best.startFrame()).as("HH, output 10").isEqualTo(10);
        assertThat(matches.getFirst().score()).as("nothing ends in leading silence").isLessThan(-1f);
    }

    @Test
    void otherSpeechScoresFarBelowThePhrase() {
        Posteriorgram other = new Posteriorgram().blanks(5).then("K IH CH AH N _ L AY T S").blanks(5);

        // Confidence exp(S) below 0.14, against 1 for the phrase.
        assertThat(other.bestScore(HEY_NOVA, SETTINGS)).isLessThan(-2f);
    }

    @Test
    void aPartlyHeardPhraseScoresBetweenThePhraseAndOtherSpeech() {
        float whole = new Posteriorgram().then("HH EY N OW V AH").bestScore(HEY_NOVA, SETTINGS);
        float oneSubstituted = new Posteriorgram().then("HH EY M OW V AH").bestScore(HEY_NOVA, SETTINGS);
        float oneDeleted = new Posteriorgram().then("HH EY OW V AH").bestScore(HEY_NOVA, SETTINGS);
        float firstWordOnly = new Posteriorgram().then("HH EY _ _ S T AA P").bestScore(HEY_NOVA, SETTINGS);
        float other = new Posteriorgram().then("K IH CH AH N L").bestScore(HEY_NOVA, SETTINGS);

        assertThat(oneSubstituted).isLessThan(whole).isGreaterThan(firstWordOnly);
        // A deletion costs the skip penalty, shared by the phrase's 6 phones.
        assertThat(oneDeleted).isCloseTo(-SETTINGS.skipPenalty() / 6, within(1e-5f));
        assertThat(firstWordOnly).isLessThan(oneDeleted).isGreaterThan(other);
    }

    @Test
    void aMisheardFrameCostsNoMoreThanTheFloor() {
        float substituted = new Posteriorgram().then("HH EY M OW V AH").bestScore(HEY_NOVA, SETTINGS);
        SearchSettings lowFloor = new SearchSettings(-2f, 10f, 12, 25);
        float floored = new Posteriorgram().then("HH EY M OW V AH").bestScore(HEY_NOVA, lowFloor);

        assertThat(floored).isCloseTo((-2f - (float) Math.log(Posteriorgram.TOP)) / 6, within(1e-5f));
        assertThat(substituted).isLessThan(floored);
    }

    @Test
    void perfectMatchesScoreAlikeWhateverThePhraseLengthAndOneMissingPhoneCostsLessInALongerPhrase() {
        String shortPhrase = "K AH";
        String longPhrase = "K AH M P Y UW T ER";

        assertThat(new Posteriorgram().then(shortPhrase).bestScore(shortPhrase, SETTINGS)).isEqualTo(0f);
        assertThat(new Posteriorgram().then(longPhrase).bestScore(longPhrase, SETTINGS)).isEqualTo(0f);
        float shortMissing = new Posteriorgram().then("_ K _").bestScore(shortPhrase, SETTINGS);
        float longMissing = new Posteriorgram().then("K AH M P Y UW T").bestScore(longPhrase, SETTINGS);
        assertThat(shortMissing).isCloseTo(-SETTINGS.skipPenalty() / 2, within(1e-5f));
        assertThat(longMissing).isCloseTo(-SETTINGS.skipPenalty() / 8, within(1e-5f));
    }

    @Test
    void anyPronunciationVariantMatches() {
        Posteriorgram spoken = new Posteriorgram().blanks(3).then("JH AA R V AH S").blanks(3);
        PhrasePhones first = Posteriorgram.phrase("JH AA R V IH S");
        PhrasePhones both = Posteriorgram.phrase("JH AA R V IH S", "JH AA R V AH S");

        float firstOnly = Posteriorgram.best(new PhraseSearch(first, SETTINGS).accept(spoken.frames())).score();
        float either = Posteriorgram.best(new PhraseSearch(both, SETTINGS).accept(spoken.frames())).score();

        assertThat(either).isEqualTo(0f);
        assertThat(firstOnly).isLessThan(-0.5f);
    }

    @Test
    void aRepeatedPhoneNeedsABlankBetweenItsTwoOccurrences() {
        String twice = "N N";
        assertThat(new Posteriorgram().then("N _ N").bestScore(twice, SETTINGS)).isEqualTo(0f);
        // Two N frames without a blank are one N for CTC: the other must be skipped.
        assertThat(new Posteriorgram().then("N N").bestScore(twice, SETTINGS))
                .isCloseTo(-SETTINGS.skipPenalty() / 2, within(1e-5f));
    }

    @Test
    void wordsFurtherApartThanTheLongestMatchAreNotOnePhrase() {
        SearchSettings tight = new SearchSettings(-6f, 3f, 2, 4);
        int longest = tight.maxFrames(6);
        Posteriorgram close = new Posteriorgram().then("HH EY").blanks(longest - 6).then("N OW V AH");
        Posteriorgram apart = new Posteriorgram().then("HH EY").blanks(longest).then("N OW V AH");

        assertThat(close.bestScore(HEY_NOVA, tight)).isEqualTo(0f);
        // "hey" is too far back: the best match is "nova" with the first word's two phones skipped.
        assertThat(apart.bestScore(HEY_NOVA, tight)).isCloseTo(-2 * tight.skipPenalty() / 6, within(1e-5f));
    }

    @Test
    void sequencesOfNoPhoneOrOfTheBlankAreRefused() {
        assertThatThrownBy(() -> new PhoneSequenceSearch(new int[0], SETTINGS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneSequenceSearch(new int[] {0}, SETTINGS)).isInstanceOf(IllegalArgumentException.class);
    }
}
