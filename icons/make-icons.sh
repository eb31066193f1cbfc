#!/usr/bin/env bash
# Makes every icon file from streamfront.svg: PNGs 16-512 (Linux, README), streamfront.ico
# (Windows installer) and streamfront.icns (macOS). Needs librsvg2-bin, imagemagick, icnsutils.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" streamfront.svg -o "png/streamfront-$size.png"
done
convert png/streamfront-16.png png/streamfront-24.png png/streamfront-32.png png/streamfront-48.png \
        png/streamfront-64.png png/streamfront-128.png png/streamfront-256.png streamfront.ico
png2icns streamfront.icns png/streamfront-16.png png/streamfront-32.png png/streamfront-48.png \
        png/streamfront-128.png png/streamfront-256.png png/streamfront-512.png >/dev/null
ls -l png streamfront.ico streamfront.icns
