"""Sample clips of a trained phonetic encoder, with the toolkit's greedy phones, for the Java tests.

Test-split clips (voices, sentences and rooms never seen in training) of each engine family, each
noisy and reverberant and as its clean twin, are copied into <model>/samples/ with samples.json:
the transcript's phones (CMUdict), the phones the toolkit's whole-file run decodes, and the phone
errors. Java's PhoneticStream must decode the same phones from the same WAVs.

    cd training && /usr/bin/python3 -m wakestream_training.phonetic.encoder_samples --model-dir ../models/phonetic-encoder/1.0.0
"""
import argparse
import json
import pathlib
import shutil

from ..corpus import Corpus
from . import align, phones
from .encoder_data import engine_of, transcript_phones
from ..text.cmudict import edit_distance
from .encoder_train import CORPORA
from .golden import encoder_from_onnx, whole_file_run

ENGINES = ("espeak-ng", "flite", "festival")


def pick(corpus, per_engine):
    """The first `per_engine` general or request clips of each engine in the test split, by id."""
    chosen = []
    for engine in ENGINES:
        clips = [e for e in corpus.entries("test", {"general", "request"}) if engine_of(e) == engine
                 and 2.0 <= e["duration"] <= 5.0]
        chosen += clips[:per_engine]
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", type=pathlib.Path, required=True)
    parser.add_argument("--per-engine", type=int, default=2)
    args = parser.parse_args()
    model, manifest = encoder_from_onnx(args.model_dir)
    noisy, clean = Corpus(CORPORA["phonetic"][0]), Corpus(CORPORA["phonetic-clean"][0])
    clean_by_id = {e["id"]: e for e in clean.entries("test")}
    out = args.model_dir / "samples"
    out.mkdir(exist_ok=True)
    samples, errors, total = [], 0, 0
    for entry in pick(noisy, args.per_engine):
        reference = [phones.PHONES[i] for i in transcript_phones(entry["text"])]
        for condition, corpus, source in (("noisy_reverb", noisy, entry), ("clean", clean, clean_by_id[entry["id"]])):
            name = f"{entry['id']}-{condition}.wav"
            shutil.copyfile(corpus.path(source), out / name)
            _, log_probs, _ = whole_file_run(model, corpus.audio(source))
            decoded = align.phone_string(align.greedy(log_probs)).split()
            e = edit_distance(decoded, reference)
            errors, total = errors + e, total + len(reference)
            samples.append({"file": name, "text": entry["text"], "voice": entry["voices"][0], "condition": condition,
                            "reference": " ".join(reference), "phones": " ".join(decoded), "errors": e})
    document = {"model": f"{manifest['name']}/{manifest['version']}", "phone_errors": errors,
                "reference_phones": total, "per": round(errors / total, 4), "samples": samples}
    (out / "samples.json").write_text(json.dumps(document, indent=1) + "\n")
    print(json.dumps({k: document[k] for k in ("model", "phone_errors", "reference_phones", "per")}))


if __name__ == "__main__":
    main()
