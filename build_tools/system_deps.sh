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
# PDF (WeasyPrint): Pango, HarfBuzz subsetting, fontconfig; the Noto CJK SC/TC faces;
# poppler-utils (pdftotext, pdffonts) for the PDF tests.
if command -v dpkg-query >/dev/null; then
  for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 fonts-noto-cjk poppler-utils; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
fi
# Tests: headless Chromium (browser and print tests; Debian packages it, Ubuntu only as a snap,
# so CI runs in a Debian container) and npm for axe-core.
if [ "${1:-}" = test ]; then
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
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
