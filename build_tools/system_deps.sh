#!/bin/sh
# System packages the build needs; with the argument `test`, also those the browser tests need
# (Debian's chromium, CJK fonts for the pages, node/npm for axe-core). As root: installed with
# apt-get. Otherwise: named, with the command to run, and the build stops.
set -eu
PY="${PY:-python3}"
missing=""
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
  missing="$missing python3-venv"
fi
if [ "${1:-}" = test ]; then
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK \
    || missing="$missing fonts-noto-cjk"
  command -v npm >/dev/null || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
else
  echo "error: missing system packages:$missing" >&2
  echo "  hint: run  sudo apt-get install$missing  then run make again" >&2
  exit 1
fi
