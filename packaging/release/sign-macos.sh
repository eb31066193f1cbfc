#!/usr/bin/env bash
# Notarizes and staples the .dmg when the release workflow has Apple credentials (the app inside was
# signed with the Developer ID by build-installer.sh, which signs when APPLE_DEVELOPER_ID is set), then
# rewrites its checksum. Runs on macos runners only.
set -euo pipefail
cd "$(dirname "$0")/../.."
dmg=$(ls target/installer/StreamFront-*.dmg)
xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$dmg"
(cd target/installer && shasum -a 256 -- *.dmg > SHA256SUMS-macos)
