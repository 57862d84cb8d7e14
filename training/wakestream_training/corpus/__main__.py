"""Build a synthetic speech corpus (see training/README.md).

    python3 -m wakestream_training.corpus wakeword --phrase "hey jarvis" --hours 5
    python3 -m wakestream_training.corpus requests --phrase "hey jarvis" --hours 2
    python3 -m wakestream_training.corpus negatives --hours 10
    python3 -m wakestream_training.corpus phrases --phrases computer "okay house turn on" --hours 0.1 \
        --noise-from data/wakeword-hey-jarvis-voices2 --out data/phrase-eval-NAME

Interrupted builds resume where they stopped when run again with the same arguments.
--voice-licences permissive (the default) uses only commercially usable voices; `all` adds the
non-commercial MBROLA voices. A corpus built before these options existed (espeak-ng, flite and
festival voices, no music noise) is resumed with `--engines espeak-ng flite festival --music off`.
"""
import argparse
import json
import pathlib
import re

from ..augment import POLICIES
from ..tts import LICENCE_POLICIES, available_voices, select_voices
from ..tts.voices import ENGINES
from .build import CorpusBuilder
from .noise_bank import copy_noise_bank
from .plan import DEFAULT_RATES, MIXES, Planner

DATA = pathlib.Path(__file__).resolve().parents[2] / "data"


def parse(argv=None):
    """(arguments, config) of a command line; config is what config.json records."""
    parser = argparse.ArgumentParser(prog="python3 -m wakestream_training.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("type", choices=sorted(MIXES))
    parser.add_argument("--phrase", default="hey jarvis", help="the wake phrase")
    parser.add_argument("--hours", type=float, required=True, help="size knob: hours of audio to plan")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (this machine has 2 cores, shared)")
    parser.add_argument("--rooms", type=int, default=32, help="simulated rooms per split")
    parser.add_argument("--babble-clips", type=int, default=24, help="speech clips per split to make babble from")
    parser.add_argument("--splits", nargs="+", choices=("train", "val", "test"), default=["train", "val", "test"],
                        help="splits to make (e.g. only train, for more training data)")
    parser.add_argument("--train-policy", choices=sorted(POLICIES), default="train",
                        help="augmentation of train clips")
    parser.add_argument("--held-out-policy", choices=sorted(POLICIES), default="noisy_reverb",
                        help="augmentation of val and test clips (none: their clean twin)")
    parser.add_argument("--voice-licences", choices=LICENCE_POLICIES, default="permissive",
                        help="permissive: commercially usable voices only (espeak-ng, flite, festival, RHVoice, Pico); "
                             "all: also the non-commercial MBROLA voices")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES),
                        help="TTS engines to take voices from (default: all that are installed)")
    parser.add_argument("--music", choices=("on", "off"), default="on", help="music among the background noises")
    parser.add_argument("--rates", nargs=2, type=float, default=list(DEFAULT_RATES), metavar=("LOW", "HIGH"),
                        help="speaking-rate factors drawn uniformly per clip")
    parser.add_argument("--out", type=pathlib.Path, help="corpus directory (default training/data/TYPE-PHRASE)")
    parser.add_argument("--phrases", nargs="+", default=[],
                        help="phrases type: the run-time phrases to make test positives of (--phrase stays the trained "
                             "phrase, kept out of the texts)")
    parser.add_argument("--noise-from", type=pathlib.Path,
                        help="copy the noise bank (rooms, babble, music) of this corpus instead of making one, so "
                             "clips get the very rooms and noises of that corpus's clips")
    args = parser.parse_args(argv)
    phrase = args.phrase.lower().strip()
    phrases = [" ".join(p.lower().split()) for p in args.phrases]
    if (args.type == "phrases") != bool(phrases):
        parser.error("--phrases goes with the phrases type, which needs it")
    if len(set(phrases)) != len(phrases) or not all(re.search(r"[a-z]", p) for p in phrases):
        parser.error("--phrases must be distinct and each hold a word")
    config = {"type": args.type, "phrase": phrase, "hours": args.hours, "seed": args.seed,
              "rooms": args.rooms, "babble_clips": args.babble_clips}
    # Only options that differ from their defaults are recorded, so corpora built before they existed still match.
    if args.splits != ["train", "val", "test"]:
        config["splits"] = args.splits
    if args.train_policy != "train":
        config["train_policy"] = args.train_policy
    if args.held_out_policy != "noisy_reverb":
        config["held_out_policy"] = args.held_out_policy
    if tuple(args.rates) != DEFAULT_RATES:
        if not 0.3 <= args.rates[0] <= args.rates[1] <= 3.0:
            parser.error("--rates LOW HIGH needs 0.3 <= LOW <= HIGH <= 3.0")
        config["rates"] = args.rates
    config.update(voice_config(args.voice_licences, args.engines, args.music == "on"))
    if phrases:
        config["phrases"] = phrases
    if args.noise_from:
        config["noise_from"] = args.noise_from.resolve().name
    return args, config


def main(argv=None):
    args, config = parse(argv)
    phrase = config["phrase"]
    out = args.out or DATA / f"{args.type}-{re.sub(r'[^a-z0-9]+', '-', phrase).strip('-')}"
    voices = select_voices(available_voices(tuple(args.engines)), args.voice_licences)
    planner = Planner(args.type, phrase, args.hours, args.seed, voices=voices, only_splits=args.splits,
                      train_policy=args.train_policy, held_out_policy=args.held_out_policy, music=config["music"],
                      rates=args.rates, phrases=config.get("phrases", ()))
    if args.noise_from:
        copy_noise_bank(args.noise_from, out, config)
    stats = CorpusBuilder(out, planner.plan(), config, args.jobs, planner.texts.general, voices).build()
    print(json.dumps({"corpus": str(out), **stats}, indent=1))


def voice_config(licences, engines, music):
    """The config entries of the voice and noise choices (engines only when not all of them)."""
    config = {"voice_licences": licences, "music": music}
    if sorted(engines) != sorted(ENGINES):
        config["engines"] = sorted(set(engines))
    return config


if __name__ == "__main__":
    main()
