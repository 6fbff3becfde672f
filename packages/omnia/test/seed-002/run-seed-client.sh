#!/usr/bin/env bash
# Runs the Omnia Voice guide's Python client (the vendor document's own code; docs/sources.md)
# against the Omnia simulator, with only its create-call URL changed; the key comes from
# OMNIA_API_KEY, as the client reads it. The client is not in the repository: it is taken out of
# the document, found as the test finds it: $SEED_002_FILE, else the 002_*.txt in $VOXWIRE_SEEDS
# (default: ../shared/seeds beside the repository).
#
#   packages/omnia/test/seed-002/run-seed-client.sh            the automated check (a vitest file): two
#                                                           calls, 48 and 16 kHz, asserted on both sides
#   packages/omnia/test/seed-002/run-seed-client.sh --manual [client args…]
#                                                           start `voxwire simulate omnia` and run the
#                                                           client in the foreground (Ctrl-C ends both)
#
# Python packages: setup-python.sh (a cached venv). Audio: real devices when probe-audio.py finds
# them; otherwise the sounddevice shim in shim/ (see its docstring for exactly what it replaces).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
cd "$ROOT"

PY="$("$HERE/setup-python.sh")"

if [ "${1:-}" != "--manual" ]; then
  exec npx pnpm@10 exec vitest run --project omnia packages/omnia/test/seed-002
fi
shift

SEEDS="${VOXWIRE_SEEDS:-$ROOT/../shared/seeds}"
SEED="${SEED_002_FILE:-$(find "$SEEDS" -maxdepth 1 -name '002_*.txt' 2>/dev/null | head -n 1 || true)}"
[ -n "$SEED" ] && [ -f "$SEED" ] || {
  echo "the Omnia Voice guide was not found in $SEEDS (002_*.txt): set VOXWIRE_SEEDS or SEED_002_FILE" >&2
  exit 2
}
KEY="${OMNIA_API_KEY:-voxwire-test-key}"
WORK="$(mktemp -d)"
SIM_PID=""
cleanup() {
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The simulator prints "listening http://127.0.0.1:PORT" as its first stdout line.
mkfifo "$WORK/sim.out"
node scripts/voxwire.mjs simulate omnia --key "$KEY" ${VOXWIRE_SIM_ARGS:-} >"$WORK/sim.out" &
SIM_PID=$!
read -r _ BASE <"$WORK/sim.out"
echo "simulator: $BASE" >&2

# The client's code, from its `#!/usr/bin/env python3` line to its `asyncio.run(main())`, with the one URL line changed.
awk '/^#!\/usr\/bin\/env python3/ { on = 1 } on { print } on && /^    asyncio\.run\(main\(\)\)$/ { exit }' "$SEED" >"$WORK/seed_client.py"
sed "s|https://dashboard.omnia-voice.com/api/v1/calls/create|$BASE/api/v1/calls/create|" "$WORK/seed_client.py" >"$WORK/omnia_websocket_client.py"
CHANGED="$(diff "$WORK/seed_client.py" "$WORK/omnia_websocket_client.py" | grep -c '^>' || true)"
[ "$CHANGED" = 1 ] || { echo "expected to change exactly one line of the client, changed $CHANGED" >&2; exit 2; }

SHIM=()
if [ "$("$PY" "$HERE/probe-audio.py")" != "device" ]; then
  echo "no audio device: using the sounddevice shim (the microphone says conformance/assets/clips/answer.wav)" >&2
  SHIM=(env "PYTHONPATH=$HERE/shim" "SEED_SHIM_SPEECH=$ROOT/conformance/assets/clips/answer.wav")
fi
OMNIA_API_KEY="$KEY" OMNIA_AGENT_ID="${OMNIA_AGENT_ID:-seed-agent}" "${SHIM[@]}" "$PY" "$WORK/omnia_websocket_client.py" "$@"
