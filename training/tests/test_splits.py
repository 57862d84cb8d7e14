import collections

from wakestream_training import splits
from wakestream_training.tts import Voice, available_voices


def test_no_voice_and_no_speaker_accent_or_variant_is_shared_between_splits():
    by_split = splits.split_voices(available_voices())
    owners = collections.defaultdict(set)
    for split, voices in by_split.items():
        for voice in voices:
            owners[voice.id].add(split)
    assert all(len(s) == 1 for s in owners.values())
    held_out_factors = {f for split in ("val", "test") for v in by_split[split] for f in v.split_factors
                        if splits.factor_split(f) == split}
    training_factors = {f for v in by_split["train"] for f in v.split_factors}
    assert not held_out_factors & training_factors


def test_every_split_has_voices_of_recorded_speakers_and_of_espeak():
    by_split = splits.split_voices(available_voices())
    for split, voices in by_split.items():
        engines = {v.engine for v in voices}
        assert "espeak-ng" in engines and engines & {"flite", "festival"}, split


def test_one_speaker_on_two_engines_stays_in_one_split():
    kal = [Voice("flite", "kal"), Voice("flite", "kal16"), Voice("festival", "kal_diphone")]
    slt = [Voice("flite", "slt"), Voice("festival", "cmu_us_slt_arctic_hts")]
    assert len({splits.voice_split(v) for v in kal}) == 1
    assert len({splits.voice_split(v) for v in slt}) == 1


def test_split_is_deterministic_and_round_trips_through_its_file(tmp_path):
    voices = available_voices()
    splits.write_splits(tmp_path / "splits.json", voices)
    assert splits.read_splits(tmp_path / "splits.json") == splits.split_voices(list(reversed(voices)))


def test_test_voice_dominates_training_factor():
    # a training variant spoken with a test accent is a test voice
    train_variant = next(v for v in splits.split_voices(available_voices())["train"] if v.engine == "espeak-ng").variant
    assert splits.voice_split(Voice("espeak-ng", "en-029", train_variant)) == "test"
