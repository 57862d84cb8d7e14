#!/usr/bin/env bash
# Renders the bundled demo and test audio with the TTS engines from Debian (flite, espeak-ng) and sox:
# 16 kHz mono 16-bit WAVs in common/src/main/resources/samples, listed in index.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/common/src/main/resources/samples"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# render NAME ENGINE VOICE TEXT: speech with 0.5 s of silence before and 1 s after.
render() {
  local name="$1" engine="$2" voice="$3" text="$4"
  case "$engine" in
    flite) flite -voice "$voice" -t "$text" -o "$tmp/$name.raw.wav" ;;
    espeak-ng) espeak-ng -v "$voice" -w "$tmp/$name.raw.wav" "$text" ;;
  esac
  sox "$tmp/$name.raw.wav" -r 16000 -c 1 -b 16 "$out/$name.wav" pad 0.5 1.0
}

render hey-jarvis-weather flite rms "Hey Jarvis, what's the weather like tomorrow?"
render kitchen-lights flite kal "Please turn on the kitchen lights and play some music."
render hey-jarvis-timer espeak-ng en-gb "Hey Jarvis, set a timer for ten minutes."
render mention-hey-jarvis espeak-ng en-gb "I told hey jarvis yesterday that it was broken."
render hey-nova-lights espeak-ng en-us "Hey Nova, turn on the lights."

cat > "$out/index.txt" <<INDEX
# stream-id|file|what it says[|phrase the demo enrolls for the stream first] (made by scripts/make-samples.sh)
demo-weather|hey-jarvis-weather.wav|Hey Jarvis, what's the weather like tomorrow? (flite rms)
demo-lights|kitchen-lights.wav|Please turn on the kitchen lights and play some music. (flite kal, no wake word)
demo-timer|hey-jarvis-timer.wav|Hey Jarvis, set a timer for ten minutes. (espeak-ng en-gb)
demo-mention|mention-hey-jarvis.wav|I told hey jarvis yesterday that it was broken. (espeak-ng en-gb, the phrase not addressed to the device)
demo-nova|hey-nova-lights.wav|Hey Nova, turn on the lights. (espeak-ng en-us; the demo first enrolls hey nova, a phrase without a trained model, for this stream)|hey nova
INDEX
ls -l "$out"
