#!/usr/bin/env bash
# Builds StreamFront's installer for the OS it runs on, with a jlinked runtime of only the modules
# the app needs:  Linux: .deb (and .rpm where rpmbuild exists)  Windows: .msi  macOS: .dmg
# Usage: packaging/build-installer.sh            (output in target/installer/)
# Needs: JDK 25 (JAVA_HOME), Maven; on Linux fakeroot (and rpm for the .rpm) and asciidoctor (man pages);
# on Windows the WiX toolset.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
VERSION="$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)"
JAVAFX_VERSION="$(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' pom.xml)"
OUT=target/installer
WORK=target/installer-work

# STREAMFRONT_RELEASE_FEED: the release feed the installed app asks for newer versions (the release
# workflow sets its repository's); empty builds an app that asks none. Without the AOT cache for
# java -jar (profile jar-aot-cache): the installed app records its own at install.
mvn -B -q package -DskipTests "-Dstreamfront.releaseFeed=${STREAMFRONT_RELEASE_FEED:-}" -P '!jar-aot-cache'
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK/input/lib" "$WORK/content/share/icons" "$OUT"
cp target/streamfront.jar "$WORK/input/"
cp target/lib/*.jar "$WORK/input/lib/"   # the main jar's Class-Path points at lib/
# JavaFX's native libraries beside its jars, where JavaFX looks first: otherwise every start reads
# them out of the jars and compares them with a copy it keeps in ~/.openjfx. Only the media plugins
# for the FFmpeg versions the package depends on are kept.
if [ "$(uname -s)" = Linux ]; then
  for jar in "$WORK"/input/lib/javafx-*-linux.jar; do
    if [ -n "$(unzip -Z1 "$jar" | grep '\.so$' || true)" ]; then
      (cd "$WORK/input/lib" && unzip -q -o "$(basename "$jar")" '*.so')
      zip -q -d "$jar" '*.so'
    fi
  done
  rm -f "$WORK"/input/lib/libavplugin-5[4-7].so "$WORK"/input/lib/libavplugin-ffmpeg-5[67].so
  strip --strip-unneeded "$WORK"/input/lib/*.so
  # JavaFX's classes that cannot run here: fonts of Windows and macOS, the Java2D pipeline (its
  # java.desktop is not in the runtime) and SWT interop. 0.2 MB.
  zip -q -d "$WORK"/input/lib/javafx-graphics-*-linux.jar 'com/sun/javafx/font/directwrite/*' \
    'com/sun/javafx/font/coretext/*' 'com/sun/prism/j2d/*' javafx-swt.jar
  # AtlantaFX's stylesheets of the themes StreamFront does not use (Theme uses Primer light and dark). 0.3 MB.
  zip -q -d "$WORK"/input/lib/atlantafx-base-*.jar 'atlantafx/base/theme/nord-*' 'atlantafx/base/theme/cupertino-*' \
    'atlantafx/base/theme/dracula*'
  # The platform-independent JavaFX jars hold nothing but a manifest.
  rm "$WORK"/input/lib/javafx-*-"$JAVAFX_VERSION".jar
fi
# Every jar deflated again by 7-Zip's compressor (advancecomp), 0.5 MB less than Maven's: the same
# entries, the same bytes once read. Skipped, with a note, where advzip is not installed.
if command -v advzip >/dev/null; then
  advzip -q -z -2 "$WORK"/input/*.jar "$WORK"/input/lib/*.jar
else
  echo "advzip not found: the jars stay as Maven compressed them" >&2
fi
# Jars stay compressed as Maven wrote them: stored uncompressed they took 86 MB installed instead of
# 30, and the classes read at start come from the class-data archive, not from the jars (see README).
cp packaging/linux/streamfront.desktop "$WORK/content/share/"
# The streamfront command: the JVM options of packaging/java-options and the version written in.
JAVA_OPTIONS="-Djpackage.app-version=$VERSION $(grep -v '^#' packaging/java-options | grep -v '^$' | tr '\n' ' ')"
sed "s|@JAVA_OPTIONS@|${JAVA_OPTIONS% }|" packaging/linux/streamfront > "$WORK/content/share/streamfront"
chmod 755 "$WORK/content/share/streamfront"
cp icons/png/streamfront-*.png "$WORK/content/share/icons/"
# Bash completion and man pages, both written by `mvn package` from the command line's own model;
# asciidoctor turns the AsciiDoc pages into roff (skipped, with a note, where it is not installed).
cp target/streamfront-completion.bash "$WORK/content/share/"
if command -v asciidoctor >/dev/null; then
  mkdir -p "$WORK/content/share/man"
  asciidoctor -b manpage -D "$WORK/content/share/man" target/man/*.adoc
  gzip -9n "$WORK/content/share/man"/*.1
else
  echo "asciidoctor not found: the installer carries no man pages" >&2
fi

# The locale data of the five languages StreamFront speaks (numbers, dates, money written their way).
# JDK modules only (JavaFX stays on the class path with its native libraries). Found with jdeps,
# plus what is loaded by name: logging, XML, Unsafe for JavaFX. Not java.desktop: only JavaFX's
# Java2D pipeline, Swing interop and JavaBean adapters use AWT, and StreamFront uses none of them.
# Not jdk.charsets (1.2 MB): java.base has the charsets of Linux locales and of DOS consoles, and
# StreamFront reads and writes UTF-8. Not java.naming (0.4 MB with java.security.sasl): nothing uses JNDI.
MODULES=java.base,java.logging,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.localedata
# Not java.xml's XSLT, XPath and their serializer and class generator (2.1 MB): StreamFront parses XML
# (the SDK with StAX, the simulators with DOM) and writes it itself. Nor keytool (0.2 MB), the Unicode
# character names (0.15 MB, only for Character.getName), the foreign-function ABIs of other processors
# and systems, the class-file verifier of the ClassFile API, nor the ftp: URL handler (0.2 MB together).
# jlink wants every package a module declares to be there, so of each package left out its smallest class stays.
# The ABIs left out are those of other processors and systems than the one built for (Linux on x86-64).
OTHER_ABIS=none
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then OTHER_ABIS='aarch64|ppc64|riscv64|s390|x64/windows'; fi
UNUSED=$("$JAVA_HOME/bin/jimage" list --verbose "$JAVA_HOME/lib/modules" | awk -v abis="$OTHER_ABIS" '
  BEGIN { unused = "^(sun/security/tools/keytool|jdk/internal/foreign/abi/(" abis ")|jdk/internal/classfile/impl/verifier|sun/net/ftp|sun/net/www/protocol/ftp)/" }
  /^Module: / { module = $2; next }
  NF == 4 && $2 ~ /^[0-9]+$/ {
    if (module == "java.base" && $4 == "java/lang/uniName.dat") { print "/java.base/" $4; next }
    if (!(module == "java.xml" && $4 ~ /^com\/sun\/(java_cup|org\/apache\/(xalan|bcel|xpath|xml\/internal))\//) &&
        !(module == "java.base" && $4 ~ unused)) next
    package = module "/" $4; sub(/\/[^\/]*$/, "", package)
    if (!(package in smallest) || $2 + 0 < size[package]) {
      if (package in smallest) print "/" module "/" smallest[package]
      smallest[package] = $4; size[package] = $2 + 0
    } else print "/" module "/" $4
  }' | paste -sd, -)
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --include-locales en,es,pt,tr,de --exclude-resources "$UNUSED" --output "$WORK/runtime"
# The JDK's own tools and files the app never runs: keytool, jwebserver, the jrt file system for other
# JDKs, the class list for -Xshare:dump, the binfmt jar runner, signal chaining.
if [ "$(uname -s)" = Linux ]; then
  rm "$WORK/runtime/bin/keytool" "$WORK/runtime/bin/jwebserver" "$WORK/runtime/lib/jrt-fs.jar" "$WORK/runtime/lib/classlist" \
    "$WORK/runtime/lib/jexec" "$WORK/runtime/lib/libjsig.so" "$WORK/runtime/lib/server/libjsig.so"
fi
# Native debug symbols are most of libjvm.so's size. No class-data archive of the JDK's own
# (13.9 MB): on Linux the AOT cache recorded at install holds the JDK's classes the app starts with.
find "$WORK/runtime" -name '*.so' -exec strip --strip-unneeded {} +

# What the app image holds, and what names the package.
APP=(--input "$WORK/input" --main-jar streamfront.jar --main-class org.streamfront.Main --runtime-image "$WORK/runtime")
while read -r option; do
  case "$option" in ''|'#'*) ;; *) APP+=(--java-options "$option") ;; esac
done < packaging/java-options
PACKAGE=(--dest "$OUT" --name StreamFront --app-version "$VERSION" --vendor "StreamFront"
  --description "Puts an Ant Media Server live stream behind Amazon CloudFront, step by step."
  --copyright "Copyright (c) 2026 The StreamFront authors" --license-file LICENSE)
COMMON=("${APP[@]}" "${PACKAGE[@]}")
case "$(uname -s)" in
  Linux)
    # Dependencies are the ones packaging/linux/control and streamfront.spec name (GTK 3, and FFmpeg's
    # libavcodec in any version the media plugins kept here serve), not jpackage's own: it would add
    # every library the plugins link to on the build machine, libavcodec59 alone on Debian 12, and the
    # package would not install where FFmpeg is another version.
    # The .rpm's scriptlets are the .deb's postinst and prerm, put into the spec in place of its markers.
    rm -rf "$WORK/linux-resources" && cp -r packaging/linux "$WORK/linux-resources"
    for script in postinst prerm; do
      marker="@$(echo "$script" | tr '[:lower:]' '[:upper:]')@"
      awk -v marker="$marker" -v file="packaging/linux/$script" \
        '$0 == marker { while ((getline line < file) > 0) if (line !~ /^#!/) print line; next } { print }' \
        "$WORK/linux-resources/streamfront.spec" > "$WORK/spec" && mv "$WORK/spec" "$WORK/linux-resources/streamfront.spec"
    done
    # The app image without jpackage's launcher: the streamfront command starts the runtime itself
    # (packaging/linux/streamfront), so the launcher, its 1.7 MB library and its options file would
    # only take room. The menu entry is StreamFront's own too (postinst).
    "$JAVA_HOME/bin/jpackage" --type app-image "${APP[@]}" --name StreamFront --app-version "$VERSION" \
      --app-content "$WORK/content/share" --dest "$WORK/image"
    rm -r "$WORK/image/StreamFront/bin" "$WORK/image/StreamFront/lib/libapplauncher.so" "$WORK/image/StreamFront/lib/app/StreamFront.cfg"
    LINUX=(--app-image "$WORK/image/StreamFront" "${PACKAGE[@]}"
      --resource-dir "$WORK/linux-resources" --install-dir /opt --linux-package-name streamfront
      --linux-app-category video --linux-menu-group "AudioVideo;Video"
      --linux-deb-maintainer "streamfront@users.noreply.github.com")
    "$JAVA_HOME/bin/jpackage" --type deb "${LINUX[@]}"
    if command -v rpmbuild >/dev/null; then
      "$JAVA_HOME/bin/jpackage" --type rpm "${LINUX[@]}" --linux-rpm-license-type MIT
    fi
    ;;
  Darwin)
    # Signed with the Developer ID when the release workflow has one (its keychain holds the certificate).
    SIGN=()
    if [ -n "${APPLE_DEVELOPER_ID:-}" ]; then SIGN=(--mac-sign --mac-signing-key-user-name "$APPLE_DEVELOPER_ID"); fi
    # The disk image's own icon is the app's (jpackage's drag-to-Applications window and link come with it).
    mkdir -p "$WORK/mac-resources" && cp icons/streamfront.icns "$WORK/mac-resources/StreamFront-volume.icns"
    "$JAVA_HOME/bin/jpackage" --type dmg "${COMMON[@]}" --icon icons/streamfront.icns \
      --resource-dir "$WORK/mac-resources" --mac-app-category public.app-category.video \
      --mac-package-identifier org.streamfront.app --mac-package-name StreamFront "${SIGN[@]}"
    ;;
  MINGW*|MSYS*|CYGWIN*)
    # A GUI launcher has no console on Windows: streamfront-cli.exe is the same app with one, for the command line.
    "$JAVA_HOME/bin/jpackage" --type msi "${COMMON[@]}" --icon icons/streamfront.ico \
      --add-launcher streamfront-cli=packaging/windows/streamfront-cli.properties \
      --win-menu --win-menu-group StreamFront --win-shortcut --win-shortcut-prompt \
      --win-dir-chooser --win-per-user-install --win-upgrade-uuid 6f1f2c4e-5a0b-4c7e-9d35-2b8f0e6a7c41
    ;;
esac
ls -l "$OUT"
