#!/usr/bin/env bash
# The macOS release job: builds the .dmg, mounts it, copies the app to a scratch Applications folder as
# a user would drag it, checks it (--version, --smoke-test), and writes SHA-256 checksums. The image must
# show what a user expects: the app with its icon, Applications to drag it onto (jpackage makes a Finder
# alias there), its own icon.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/build-installer.sh
dmg=$(ls target/installer/StreamFront-*.dmg)
mount=$(mktemp -d)
hdiutil attach "$dmg" -nobrowse -mountpoint "$mount"
apps=$(mktemp -d)
test -e "$mount/Applications" && test -f "$mount/.VolumeIcon.icns"
test -f "$mount/StreamFront.app/Contents/Resources/StreamFront.icns"
cp -R "$mount/StreamFront.app" "$apps/"
hdiutil detach "$mount"
"$apps/StreamFront.app/Contents/MacOS/StreamFront" --version
"$apps/StreamFront.app/Contents/MacOS/StreamFront" --smoke-test | grep -q STREAMFRONT_SHOWN
(cd target/installer && shasum -a 256 -- *.dmg > SHA256SUMS-macos && cat SHA256SUMS-macos)
