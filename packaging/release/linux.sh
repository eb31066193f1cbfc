#!/usr/bin/env bash
# The Linux release job, runnable on any Debian or Ubuntu machine with root: builds the installers,
# installs the .deb as a user would (apt resolves GTK and libavcodec), checks the installed app
# (--version, --smoke-test, the menu entry, completion and man pages), removes it, checks nothing is
# left, and writes SHA-256 checksums next to the installers. .ci/run and the release workflow both call it.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/build-installer.sh
deb=$(ls target/installer/streamfront_*_amd64.deb)
ls -l "$deb"
dpkg-deb -I "$deb" | grep -E 'Installed-Size|Depends'
apt-get install -y -q "./$deb"
streamfront --version
desktop-file-validate /usr/share/applications/streamfront.desktop
streamfront --smoke-test | grep -q STREAMFRONT_SHOWN
streamfront teardown --help | grep -q "Usage: streamfront teardown"
test -f /usr/share/bash-completion/completions/streamfront && test -f /usr/share/man/man1/streamfront-apply.1.gz
du -sh /opt/streamfront
echo "installed launcher opened its first screen"
apt-get remove -y -q streamfront
test ! -e /usr/bin/streamfront && test ! -e /usr/share/applications/streamfront.desktop
test ! -e /usr/share/bash-completion/completions/streamfront && test ! -e /usr/share/man/man1/streamfront-apply.1.gz
echo "package removed cleanly"
(cd target/installer && sha256sum -- * | grep -v SHA256SUMS > SHA256SUMS && cat SHA256SUMS)
