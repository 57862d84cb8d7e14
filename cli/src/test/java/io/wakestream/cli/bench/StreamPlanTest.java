package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamPlanTest {

    @Test
    void aShareOfStreamsCarriesTheWakePhraseSpreadOverTheStreamNumbers() throws Exception {
        BenchAudio audio = BenchAudio.load(1600, 100);

        StreamPlan plan = StreamPlan.of(audio, "s-", 8, 0.25, 0.0, 50);

        assertThat(plan.streams()).filteredOn(stream -> stream.loop().hasPhrase())
                .extracting(StreamPlan.Stream::id).containsExactly("s-3", "s-7");
        assertThat(plan.phrases(0)).isEmpty();
        assertThat(plan.indexOf("s-7")).isEqualTo(7);
        assertThat(plan.indexOf("elsewhere")).isEqualTo(-1);
    }

    @Test
    void streamsWithAnEnrolledPhraseSayItAndTheWakeShareAppliesToTheOthers() throws Exception {
        BenchAudio audio = BenchAudio.load(1600, 100);

        StreamPlan plan = StreamPlan.of(audio, "s-", 8, 1.0, 0.25, 50);

        assertThat(plan.streams()).filteredOn(StreamPlan.Stream::enrolled)
                .extracting(StreamPlan.Stream::id).containsExactly("s-3", "s-7");
        assertThat(plan.streams()).filteredOn(StreamPlan.Stream::enrolled)
                .allSatisfy(stream -> assertThat(stream.loop()).isSameAs(audio.enrolledLoop()));
        assertThat(plan.streams()).filteredOn(stream -> !stream.enrolled())
                .hasSize(6).allSatisfy(stream -> assertThat(stream.loop()).isNotSameAs(audio.enrolledLoop())
                        .satisfies(loop -> assertThat(loop.hasPhrase()).isTrue()));
        assertThat(plan.phrases(7)).isNotEmpty();
    }

    @Test
    void eachLoopIsCutIntoChunksOfTheGivenSizeAndStartsWithItsClip() throws Exception {
        BenchAudio audio = BenchAudio.load(320, 500);

        assertThat(audio.wakeLoop(0).chunks()).hasSize(500).allMatch(pcm -> pcm.size() == 640);
        assertThat(audio.quietLoop().hasPhrase()).isFalse();
        assertThat(audio.wakeLoop(0).phraseEnd()).isNotEqualTo(audio.wakeLoop(1).phraseEnd());
    }
}
