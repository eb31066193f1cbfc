#!/usr/bin/env bash
# Authenticode-signs the .msi when the release workflow has a certificate (WINDOWS_CERTIFICATE: the
# .pfx in base64; WINDOWS_CERTIFICATE_PASSWORD), then rewrites its checksum. Runs on windows runners only.
set -euo pipefail
cd "$(dirname "$0")/../.."
pfx=$(mktemp --suffix=.pfx)
trap 'rm -f "$pfx"' EXIT
echo "$WINDOWS_CERTIFICATE" | base64 -d > "$pfx"
signtool=$(ls "/c/Program Files (x86)/Windows Kits/10/bin/"*/x64/signtool.exe | tail -1)
"$signtool" sign //f "$(cygpath -w "$pfx")" //p "$WINDOWS_CERTIFICATE_PASSWORD" //fd sha256 //td sha256 \
  //tr http://timestamp.digicert.com target/installer/*.msi
(cd target/installer && sha256sum -- *.msi > SHA256SUMS-windows)
