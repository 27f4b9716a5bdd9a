#!/bin/sh
# System packages the build needs. As root: installed with apt-get. Otherwise: named, with
# the command to run, and the build stops.
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
# Headless Chromium prints site pages in the print-stylesheet tests. Debian packages it; Ubuntu
# only as a snap (GitHub's runners have Google Chrome instead, which the tests also use).
if grep -q '^ID=debian' /etc/os-release 2>/dev/null && ! command -v chromium >/dev/null; then
  missing="$missing chromium"
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
