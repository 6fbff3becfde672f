#!/usr/bin/env bash
# Makes (once) a Python venv with what the Omnia Voice guide's client imports: aiohttp, pyee, sounddevice,
# websockets >= 13 (for websockets.asyncio.client) and numpy. Prints the venv's python on stdout.
# Exits 3, with the reason on stderr, when they cannot be had on this machine.
#
# Where the packages come from, in order:
#   1. the file:// package indexes pip is configured with on this machine (an on-disk wheel
#      mirror; PyPI itself is not reachable here), never the network;
#   2. PyPI, if pip can reach it (a developer's own machine);
# Debian's packages cannot serve: bookworm's python3-websockets is 10.4 (no websockets.asyncio)
# and it has no python3-sounddevice. Debian's libportaudio2 is installed when missing, so that
# probe-audio.py can tell whether a real audio device exists (the shim is used only if none does).
set -euo pipefail
VENV="${VOXWIRE_SEED_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/voxwire/seed-002-venv}"
PY="$VENV/bin/python"
NEEDS=(aiohttp pyee sounddevice "websockets>=13" numpy)
CHECK='import aiohttp, numpy, pyee.asyncio, websockets.asyncio.client'

ensure_portaudio() {
  dpkg -s libportaudio2 >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian package: libportaudio2" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libportaudio2; } >/dev/null 2>&1 ||
    echo "could not install libportaudio2: audio devices will be probed without it" >&2
}

ensure_portaudio
if [ -x "$PY" ] && "$PY" -c "$CHECK" 2>/dev/null && "$PY" -m pip show sounddevice >/dev/null 2>&1; then
  echo "$PY"
  exit 0
fi

command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 3; }
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV" >&2

LOCAL_INDEXES=()
for index in $(python3 -m pip config get global.extra-index-url 2>/dev/null || true); do
  [[ "$index" == file://* && -d "${index#file://}" ]] && LOCAL_INDEXES+=("$index")
done
installed=no
if [ ${#LOCAL_INDEXES[@]} -gt 0 ]; then
  args=(--index-url "${LOCAL_INDEXES[0]}")
  for index in "${LOCAL_INDEXES[@]:1}"; do args+=(--extra-index-url "$index"); done
  # The local indexes only, as given: the machine config would add its other (empty) indexes again.
  PIP_CONFIG_FILE=/dev/null "$PY" -m pip install -q --disable-pip-version-check "${args[@]}" "${NEEDS[@]}" 2> >(grep -v "is ignored: it is neither" >&2) && installed=yes
fi
if [ "$installed" = no ]; then
  "$PY" -m pip install -q --disable-pip-version-check --timeout 15 --retries 0 "${NEEDS[@]}" 2> >(grep -v "is ignored: it is neither" >&2) && installed=yes
fi
if [ "$installed" = no ] || ! "$PY" -c "$CHECK" >&2; then
  rm -rf "$VENV"
  echo "the Omnia Voice guide client's dependencies (${NEEDS[*]}) cannot be installed here: no local wheel index has them and PyPI is unreachable" >&2
  exit 3
fi
echo "$PY"
