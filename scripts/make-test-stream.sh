#!/usr/bin/env bash
# Makes the practice stream the origin simulator loops: five 2-second H.264 + AAC MPEG-TS
# segments (AMS's segment length) of ffmpeg's test picture and a 440 Hz tone.
# Needs ffmpeg. Output: src/main/resources/org/streamfront/sim/stream/seg0.ts ... seg4.ts
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/org/streamfront/sim/stream"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=480x270:rate=25:duration=10" \
  -f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=48000:duration=10" \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryfast \
  -b:v 220k -maxrate 260k -bufsize 260k -g 50 -keyint_min 50 -sc_threshold 0 \
  -c:a aac -b:a 48k -ac 2 -ar 48000 \
  -f hls -hls_time 2 -hls_list_size 0 -hls_segment_filename "$work/seg%d.ts" "$work/index.m3u8"
mkdir -p "$out"
rm -f "$out"/seg*.ts
cp "$work"/seg*.ts "$out"/
ls -l "$out"
du -ch "$out"/seg*.ts | tail -1
