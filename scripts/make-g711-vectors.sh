#!/usr/bin/env bash
# Regenerates the G.711 reference vectors in packages/core/test-vectors/g711 with SoX, the
# reference the codecs must match to the bit. The outputs are committed so tests need no SoX.
#   encode: all 65,536 PCM16 inputs in ascending order (-32768 … 32767) → one code byte each
#   decode: all 256 codes in ascending order (0 … 255) → one PCM16 little-endian sample each
# -D turns SoX's automatic dither off: with it, a 16 → 14/13-bit reduction adds noise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/ensure-debian-packages.sh" sox:sox
out="$root/packages/core/test-vectors/g711"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

node -e '
  const fs = require("node:fs");
  const pcm = Buffer.alloc(65536 * 2);
  for (let i = 0; i < 65536; i++) pcm.writeInt16LE(i - 32768, i * 2);
  fs.writeFileSync(process.argv[1], pcm);
  fs.writeFileSync(process.argv[2], Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
' "$tmp/pcm16-all.raw" "$tmp/codes-all.raw"

raw16=(-t raw -r 8000 -c 1 -e signed-integer -b 16 -L)
for law in mu-law:mulaw a-law:alaw; do
  enc="${law%%:*}"; name="${law#*:}"
  sox -D "${raw16[@]}" "$tmp/pcm16-all.raw" -t raw -r 8000 -c 1 -e "$enc" -b 8 "$out/$name-encode.sox.bin"
  sox -D -t raw -r 8000 -c 1 -e "$enc" -b 8 "$tmp/codes-all.raw" "${raw16[@]}" "$out/$name-decode.sox.s16le"
done

{
  echo "# $(sox --version | head -1 | sed 's/^sox: *//')"
  (cd "$out" && sha256sum ./*.bin ./*.s16le)
} > "$out/SHA256SUMS"
echo "wrote $(ls "$out" | wc -l) files to $out" >&2
