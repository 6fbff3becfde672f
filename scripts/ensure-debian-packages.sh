#!/usr/bin/env bash
# Installs Debian packages a test or asset script needs, only when their command is missing.
# Usage: scripts/ensure-debian-packages.sh <command>:<package> [...]
#   e.g. scripts/ensure-debian-packages.sh sox:sox espeak-ng:espeak-ng chromium:chromium
set -euo pipefail
missing=()
for pair in "$@"; do
  cmd="${pair%%:*}"; pkg="${pair#*:}"
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
