#!/usr/bin/env bash
# Puts the Developer ID certificate (APPLE_CERTIFICATE: the .p12 in base64) into a keychain of its own
# for the build's jpackage --mac-sign. Runs on macos runners only, when the secrets exist.
set -euo pipefail
p12=$(mktemp).p12
trap 'rm -f "$p12"' EXIT
echo "$APPLE_CERTIFICATE" | base64 --decode > "$p12"
keychain="$RUNNER_TEMP/streamfront.keychain-db"
password=$(uuidgen)
security create-keychain -p "$password" "$keychain"
security set-keychain-settings -lut 3600 "$keychain"
security unlock-keychain -p "$password" "$keychain"
security import "$p12" -k "$keychain" -P "$APPLE_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
