#!/usr/bin/env bash
# The Windows release job (Git Bash on a windows runner, WiX on the PATH): builds the .msi, installs it
# for the current user without questions, checks the installed app through its console launcher,
# uninstalls it, and writes SHA-256 checksums.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/build-installer.sh
msi=$(ls target/installer/StreamFront-*.msi)
msiexec //i "$(cygpath -w "$msi")" //qn //norestart //l*v target/installer-work/install.log
cli="$LOCALAPPDATA/StreamFront/streamfront-cli.exe"
"$cli" --version
"$cli" --smoke-test | grep -q STREAMFRONT_SHOWN
msiexec //x "$(cygpath -w "$msi")" //qn //norestart
test ! -e "$cli"
(cd target/installer && sha256sum -- *.msi > SHA256SUMS-windows && cat SHA256SUMS-windows)
