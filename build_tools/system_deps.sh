#!/bin/sh
# System packages the build needs. As root: installed with apt-get. Otherwise: named, with
# the command to run, and the build stops.
set -eu
PY="${PY:-python3}"
missing=""
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
  missing="$missing python3-venv"
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
