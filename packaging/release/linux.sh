#!/usr/bin/env bash
# The Linux release job, runnable on any Debian or Ubuntu machine with root: builds the installers,
# installs the .deb as a user would (apt resolves GTK and libavcodec), checks the installed app
# (--version, --smoke-test, the menu entry, completion and man pages), removes it and checks nothing is
# left; then the same for the .rpm (installed with rpm itself, which knows none of Debian's packages,
# hence --nodeps), reinstalled over itself as an upgrade does; then writes SHA-256 checksums next to
# the installers. .ci/run and the release workflow both call it.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/build-installer.sh

installed_app_works() {
  streamfront --version
  desktop-file-validate /usr/share/applications/streamfront.desktop
  streamfront --smoke-test | grep -q STREAMFRONT_SHOWN
  streamfront teardown --help | grep -q "Usage: streamfront teardown"
  test -f /usr/share/bash-completion/completions/streamfront && test -f /usr/share/man/man1/streamfront-apply.1.gz
  test -f /usr/share/icons/hicolor/256x256/apps/streamfront.png
  test -s /opt/streamfront/lib/app/streamfront.aot   # the start-up AOT cache, recorded at install
  # The installed runtime speaks German when chosen: the messages and the money written the German way.
  local german; german=$(mktemp -d)
  # Java takes the home folder from the user database, not from HOME: the data folder is moved with XDG_DATA_HOME.
  mkdir -p "$german/data/streamfront" && echo '{"language": "de"}' > "$german/data/streamfront/settings.json"
  echo '{"origin": {"domain": "10.1.2.3"}}' > "$german/bad.json"
  local said; said=$(XDG_DATA_HOME="$german/data" streamfront validate "$german/bad.json" || true)   # exit 2: the plan is bad
  grep -q "CloudFront nimmt hier keine IP-Adresse an" <<< "$said"
  echo '{"origin": {"domain": "ams.example.com"}}' > "$german/ok.json"
  XDG_DATA_HOME="$german/data" streamfront estimate "$german/ok.json" --viewers 2000 --hours 2 --events 8 --bitrate 2 | grep -E '[0-9]\.[0-9]{3},[0-9]{2}.\$'
  rm -rf "$german"
  installed_app_serves_practice
  du -sh /opt/streamfront
  echo "installed launcher opened its first screen"
}

# The installed runtime and jars (trimmed by build-installer.sh) through a distribution's life on the
# practice simulators: created and watched to Deployed (the AWS SDK's XML, the simulators' DOM), listed,
# its status with CloudWatch's metrics, then disabled and deleted (its config read back and sent again).
installed_app_serves_practice() {
  local dir; dir=$(mktemp -d)
  streamfront practice --deploy-seconds 2 --edge-seconds 1 > "$dir/endpoints" 2>&1 &
  local practice=$!
  for _ in $(seq 300); do grep -q '^For the app' "$dir/endpoints" && break; sleep 0.1; done
  local api origin
  api=$(sed -n 's/^cloudfront-api //p' "$dir/endpoints")
  origin=$(sed -n 's/^origin .*:\([0-9]*\)$/\1/p' "$dir/endpoints")
  echo '{"origin": {"domain": "localhost", "application": "WebRTCAppEE", "httpPort": '"$origin"'}, "stream": {"id": "stream1"}}' > "$dir/plan.json"
  (
    export HOME="$dir" XDG_DATA_HOME="$dir" AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$api"
    streamfront apply "$dir/plan.json" --wait --timeout 1m --yes --create-if-missing | tee "$dir/applied"
    local id; id=$(tail -1 "$dir/applied" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    streamfront list | grep -q "^$id .*Deployed"
    streamfront status "$id" --metrics | grep -q '^metrics:'
    streamfront teardown "$id" --wait --timeout 1m
    if streamfront list | grep -q "^$id "; then echo "teardown left $id"; exit 1; fi
  )
  kill "$practice"; wait "$practice" || true
  rm -rf "$dir"
  echo "installed app took a distribution through its life on the practice simulators"
}

nothing_left() {
  test ! -e /usr/bin/streamfront && test ! -e /usr/share/applications/streamfront.desktop
  test ! -e /usr/share/bash-completion/completions/streamfront && test ! -e /usr/share/man/man1/streamfront-apply.1.gz
  test ! -e /usr/share/icons/hicolor/256x256/apps/streamfront.png && test ! -e /opt/streamfront
  echo "package removed cleanly"
}

deb=$(ls target/installer/streamfront_*_amd64.deb)
ls -l "$deb"
dpkg-deb -I "$deb" | grep -E 'Installed-Size|Depends'
# Two dependencies, GTK and any of several libavcodec versions: never the build machine's own libraries.
test "$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | wc -l)" -eq 2
apt-get install -y -q "./$deb"
installed_app_works
apt-get purge -y -q streamfront
nothing_left

if command -v rpm >/dev/null; then
  rpm=$(ls target/installer/streamfront-*.x86_64.rpm)
  ls -l "$rpm"
  rpm -qp --requires "$rpm" 2>/dev/null | grep -v '^rpmlib'
  rpm -i --nodeps "$rpm"
  installed_app_works
  rpm -U --nodeps --replacepkgs "$rpm"   # an upgrade: the new %post runs before the old %preun
  installed_app_works
  rpm -e --nodeps streamfront
  nothing_left
fi
(cd target/installer && sha256sum -- * | grep -v SHA256SUMS > SHA256SUMS && cat SHA256SUMS)
