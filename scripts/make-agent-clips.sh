#!/usr/bin/env bash
# Makes the simulator's agent clips offline (espeak-ng speech, sox to 48 kHz mono PCM16) and
# writes conformance/assets/clips/manifest.json with their texts. The results are committed:
# the simulator never synthesizes or fetches anything at run time. Re-run only to change a clip.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/ensure-debian-packages.sh" espeak-ng:espeak-ng sox:sox
out="$root/conformance/assets/clips"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

RATE=48000
# id|text — the greeting is about 1 s, the answer about 1.5 s.
clips=(
  "greeting|Hello, how can I help?"
  "answer|Sure, I can help with that."
)

entries=()
for clip in "${clips[@]}"; do
  id="${clip%%|*}"; text="${clip#*|}"
  espeak-ng -v en-us -s 220 -w "$tmp/$id.wav" "$text"
  # -D: no dither, so the output is the same on every run. Trim the silence espeak leaves at
  # both ends, fade 10 ms to avoid clicks, and normalize to -3 dBFS.
  sox "$tmp/$id.wav" -D "$tmp/$id-trimmed.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  sox "$tmp/$id-trimmed.wav" -D -r "$RATE" -b 16 -c 1 -e signed-integer "$out/$id.wav" fade t 0.01 0 0.01 gain -n -3
  samples="$(soxi -s "$out/$id.wav")"
  entries+=("    { \"id\": \"$id\", \"file\": \"$id.wav\", \"text\": \"$text\", \"sampleRate\": $RATE, \"samples\": $samples }")
done

{
  echo "{"
  echo "  \"source\": \"scripts/make-agent-clips.sh (espeak-ng en-us, 220 wpm; sox 48 kHz mono PCM16)\","
  echo "  \"clips\": ["
  for i in "${!entries[@]}"; do
    sep=","; [ "$i" -eq $((${#entries[@]} - 1)) ] && sep=""
    echo "${entries[$i]}$sep"
  done
  echo "  ]"
  echo "}"
} > "$out/manifest.json"
echo "wrote ${#clips[@]} clips to $out" >&2
