"""RepCNN training windows and streaming scores: what a window holds, and scores the way the Java detector makes them."""
import numpy as np
import pytest
import torch

from wakestream_training import frontend
from wakestream_training.repcnn import scoring
from wakestream_training.repcnn.features import TrainingStream, keyword_frames, silence_frame, with_leading_silence
from wakestream_training.repcnn.model import RepCNNConfig
from wakestream_training.repcnn.windows import EpochSizes, WindowSampler

WINDOW = 40
MARGIN = 5


def stream_with_keywords(keywords, frames=2000, mels=8):
    values = np.arange(frames * mels, dtype=np.float32).reshape(frames, mels) % 997
    return TrainingStream(values.astype(np.float16), np.array(keywords, dtype=np.int64), 1, 0.0, {})


def sampler_for(keywords, background=500, stream_start_share=0.0):
    sizes = EpochSizes(positives_per_keyword=4, partials_per_keyword=2, background=background,
                       stream_start_share=stream_start_share)
    return WindowSampler(stream_with_keywords(keywords), WINDOW, partial_margin=MARGIN, sizes=sizes)


def test_positive_windows_hold_the_whole_keyword_and_negatives_do_not():
    keywords = [(100, 120), (400, 430), (1000, 1035)]
    sampler = sampler_for(keywords)
    ends, labels = sampler.epoch(np.random.default_rng(0))
    assert len(ends) == sampler.epoch_size == 3 * 6 + 500
    for end, label in zip(ends, labels):
        start = end - WINDOW
        whole = [start <= first and end >= last for first, last in keywords]
        touched = [end > first and start < last for first, last in keywords]
        if label == 1:
            assert any(whole)
        else:
            assert not any(whole)
            # a negative that touches a keyword misses at least the margin of it
            for (first, last), hit in zip(keywords, touched):
                if hit:
                    assert end <= last - MARGIN or start >= first + MARGIN
    assert labels.sum() == 12
    partials = [e for e, l in zip(ends, labels) if l == 0 and any(e > f and e - WINDOW < t for f, t in keywords)]
    assert len(partials) == 6


def test_keywords_longer_than_the_window_are_left_out():
    sampler = sampler_for([(100, 100 + WINDOW + 1), (400, 420)])
    assert sampler.skipped_keywords == 1
    assert sampler.epoch(np.random.default_rng(1))[1].sum() == 4


def test_gathered_windows_are_the_frames_before_their_end_with_silence_before_the_stream():
    sampler = sampler_for([(500, 520)])
    frames = sampler.stream.frames.astype(np.float32)
    windows = sampler.gather(np.array([WINDOW + 7, 10]))
    assert np.array_equal(windows[0], frames[7:WINDOW + 7])
    assert np.array_equal(windows[1][-10:], frames[:10])
    assert np.array_equal(windows[1][:WINDOW - 10], np.broadcast_to(silence_frame(8), (WINDOW - 10, 8)))


def test_some_windows_start_as_a_stream_does_when_asked():
    sampler = sampler_for([(500, 520)], stream_start_share=1.0)
    windows = sampler.gather(np.full(50, 800), np.random.default_rng(2))
    silent_rows = (windows == silence_frame(8)).all(axis=2)
    assert silent_rows[:, 0].all() and not silent_rows[:, -1].any()
    assert len({int(row.sum()) for row in silent_rows}) > 5


def test_silence_frame_is_what_the_frontend_makes_of_zeros():
    assert np.allclose(silence_frame(40), np.log(frontend.LOG_FLOOR))
    assert with_leading_silence(np.zeros((3, 40), dtype=np.float32), 2).shape == (5, 40)


def test_keyword_frames_cover_the_keyword_samples():
    first, end = keyword_frames({"start": 1.0, "end": 1.8})
    assert first * frontend.HOP_LENGTH + frontend.FRAME_LENGTH <= 16000 + frontend.FRAME_LENGTH
    assert (first + 1) * frontend.HOP_LENGTH + frontend.FRAME_LENGTH > 16000 - 2 * frontend.HOP_LENGTH
    assert (end - 1) * frontend.HOP_LENGTH + frontend.FRAME_LENGTH >= 1.8 * 16000


class FirstFrameMean(torch.nn.Module):
    """A stand-in network whose score shows which frames a window held."""

    def forward(self, windows):
        return windows[:, 0, 0] * 1000 + windows[:, -1, 0]


def test_scores_start_from_silence_and_follow_the_hop():
    config = RepCNNConfig(window_frames=6, hop_frames=2)
    frames = np.arange(9, dtype=np.float32)[:, None].repeat(40, axis=1)
    ends, scores = scoring.raw_scores(FirstFrameMean(), frames, config)
    silence = float(np.log(frontend.LOG_FLOOR))
    assert ends.tolist() == [(e - 1) * 160 + 400 for e in (2, 4, 6, 8)]
    # window after 2 frames: 4 silence frames then frames 0, 1; after 8 frames: frames 2..7
    assert scores.tolist() == pytest.approx([silence * 1000 + 1, silence * 1000 + 3, 0 * 1000 + 5, 2 * 1000 + 7])


def test_smoothing_is_a_trailing_mean_with_a_short_start():
    smoothed = scoring.smooth(np.array([0.0, 3.0, 6.0, 9.0], dtype=np.float32), 3)
    assert smoothed.tolist() == pytest.approx([0.0, 1.5, 3.0, 6.0])


def test_harness_result_reports_the_smoothed_scores_in_milliseconds():
    result = scoring.harness_result("a.wav", 32000, np.array([1680, 4240]), np.array([0.25, 0.75], dtype=np.float32))
    assert result["duration_ms"] == 2000 and result["max_score"] == 0.75
    assert result["scores"] == [[105.0, 0.25], [265.0, 0.75]]


def test_level_augmentation_is_the_frontend_of_the_scaled_audio():
    from wakestream_training.repcnn.windows import with_gain
    samples = np.random.default_rng(4).normal(scale=0.1, size=8000)
    loud = frontend.log_mel(samples, 40).astype(np.float32)[None]
    for gain in (-36.0, -12.0, 0.0):
        quiet = frontend.log_mel(samples * 10 ** (gain / 20), 40)
        np.testing.assert_allclose(with_gain(loud, [gain])[0], quiet, atol=1e-4)
    silence = np.broadcast_to(silence_frame(40), (1, 3, 40))
    np.testing.assert_allclose(with_gain(silence, [-20.0]), silence, atol=1e-6)
