#!/usr/bin/env bash
# Builds Batchyard's installers with the JDK's own tools (see packaging/README.md):
#   1. ./mvnw -Ppackage package   -> target/classes + runtime jars in target/packaging/deps
#   2. jar                        -> a modular jar that records the version and main class
#   3. jdeps + javac + jar        -> named modules of the automatic ones (the Prometheus client)
#      jlink                      -> target/packaging/runtime, a trimmed Java + JavaFX runtime
#   4. jpackage                   -> target/packaging/app-image/batchyard (runs in place)
#   5. jpackage                   -> the platform package in target/packaging/dist:
#                                    .deb on Linux, .msi on Windows (WiX 3), .dmg on macOS
# Usage: packaging/build.sh [app-image|installer|all]   (default all)
# Env:   JAVA_HOME (a JDK 17+ with jmods), MVN_ARGS (e.g. -o for offline), SKIP_MAVEN=1 to reuse
#        target/ from an earlier build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WHAT=${1:-all}

JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
for tool in jar jlink jpackage; do
  [ -x "$JDK/bin/$tool" ] || { echo "no $JDK/bin/$tool: set JAVA_HOME to a full JDK 17+" >&2; exit 1; }
done
[ -d "$JDK/jmods" ] || { echo "no $JDK/jmods: jlink needs a JDK with jmods (Debian: openjdk-17-jdk)" >&2; exit 1; }

# The project's own <version> is the first in pom.xml (it has no parent).
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
APP_VERSION=${VERSION%%-*}          # installers want numbers only: 0.1.0-SNAPSHOT -> 0.1.0
MODULE=dev.batchyard
MAIN=dev.batchyard.Launcher         # no arguments -> desktop app; arguments -> CLI
OUT=target/packaging
VENDOR="Batchyard"
DESCRIPTION="Durable store, redelivery and administration of persisted log batches"

case "$(uname -s)" in
  Linux*) OS=linux; SEP=: ;;
  Darwin*) OS=macos; SEP=: ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows; SEP=';' ;;
  *) echo "unknown OS $(uname -s)" >&2; exit 1 ;;
esac

step() { printf '== %s (%ss)\n' "$1" "$SECONDS"; }
# The module name the JDK gives a jar: its descriptor's, else its automatic name.
jar_module() {
  local d; d=$("$JDK/bin/jar" --describe-module --file "$1")
  awk '/^[A-Za-z0-9_.]+(@| automatic$)/ { sub(/[@ ].*/, ""); print; exit }' <<<"$d"
}

if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  step "maven: compile and copy runtime jars"
  rm -rf "$OUT"
  # shellcheck disable=SC2086  # MVN_ARGS is a list of flags
  ./mvnw -q -B ${MVN_ARGS:-} -Ppackage -DskipTests package
fi
rm -rf "$OUT/mods" "$OUT/runtime" "$OUT/app-image" "$OUT/dist"
mkdir -p "$OUT/mods" "$OUT/dist"

if [ ! -f "target/classes/${MAIN//.//}.class" ]; then
  echo "$MAIN is not compiled: it comes with the CLI (branch cli). Packaging the app alone." >&2
  MAIN=dev.batchyard.app.BatchyardApp
fi

step "jar: modular jar $MODULE@$VERSION"
"$JDK/bin/jar" --create --file "$OUT/mods/batchyard-$VERSION.jar" \
  --module-version "$VERSION" --main-class "$MAIN" -C target/classes .

# javafx-*-<ver>.jar without a platform classifier are empty placeholders; the -linux/-win/-mac
# jars next to them are the real modules.
DEPS=$(find "$OUT/deps" -name '*.jar' ! -regex '.*/javafx-[a-z]*-[0-9.]*\.jar' | sort | paste -sd "$SEP" -)

# jlink links explicit modules only. The kafka sink's jars (kafka-clients, snappy-java, lz4-java)
# and the Prometheus client's (serve's /metrics) are plain jars, used as automatic modules under the names module-info requires; jdeps writes a
# descriptor for each from what it uses, which is compiled and put into the copied jar. Classes
# that refer to jars Batchyard does not ship (kafka-clients' optional OAuth support) are left
# unresolved (--ignore-missing-deps): they are never loaded.
PLAIN=(); MODULAR=()
for jar in $(echo "$DEPS" | tr "$SEP" ' '); do
  described=$("$JDK/bin/jar" --describe-module --file "$jar")
  case "$described" in
    *"No module descriptor found"*) PLAIN+=("$jar") ;;
    *) MODULAR+=("$jar") ;;
  esac
done
if [ ${#PLAIN[@]} -gt 0 ]; then
  step "jdeps: module descriptors for ${PLAIN[*]##*/}"
  GEN=$OUT/module-info
  rm -rf "$GEN"
  MODULAR_PATH=$(printf '%s\n' "${MODULAR[@]}" | paste -sd "$SEP" -)
  "$JDK/bin/jdeps" --multi-release "${JAVA_RELEASE:-17}" --ignore-missing-deps --module-path "$MODULAR_PATH" \
    --generate-module-info "$GEN/src" "${PLAIN[@]}" >/dev/null
  for jar in "${PLAIN[@]}"; do
    mod=$(jar_module "$jar")
    # with --multi-release, jdeps writes it under versions/<release>/
    info=$(find "$GEN/src/$mod" -name module-info.java | sort | tail -n 1)
    [ -n "$info" ] || { echo "jdeps wrote no descriptor for $jar (module $mod)" >&2; exit 1; }
    "$JDK/bin/javac" --release "${JAVA_RELEASE:-17}" --module-path "$DEPS" --patch-module "$mod=$jar" \
      -d "$GEN/classes/$mod" "$info"
    "$JDK/bin/jar" --update --file "$jar" -C "$GEN/classes/$mod" module-info.class
  done
fi

step "jlink: runtime"
# jdk.crypto.ec: TLS to sinks negotiates EC ciphers; jdk.localedata: log times in the user's locale
"$JDK/bin/jlink" --module-path "$OUT/mods$SEP$DEPS$SEP$JDK/jmods" \
  --add-modules "$MODULE,jdk.crypto.ec,jdk.localedata" --include-locales en,de,fr,es,pt,ja,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$OUT/runtime"

# Options every platform shares. The launcher passes its arguments to main unchanged, so
# `batchyard list ...` runs the CLI and `batchyard` alone opens the window.
COMMON=(--app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
        --copyright "Batchyard authors" --dest "$OUT/dist")

step "jpackage: app image"
case $OS in
  linux)   NAME=batchyard; ICON=icons/batchyard.png ;;   # lower case: the command people type
  windows) NAME=Batchyard; ICON=icons/batchyard.ico ;;
  macos)   NAME=Batchyard; ICON=icons/batchyard.icns ;;
esac
IMAGE_EXTRA=()
# Windows: the main launcher is a GUI program (no console window); the CLI needs a console one.
[ $OS = windows ] && IMAGE_EXTRA+=(--add-launcher batchyard-cli=packaging/windows/batchyard-cli.properties)
[ $OS = macos ] && IMAGE_EXTRA+=(--mac-package-identifier dev.batchyard --mac-package-name Batchyard
                                  --mac-app-category public.app-category.developer-tools)
"$JDK/bin/jpackage" --type app-image --name "$NAME" --icon "$ICON" \
  --runtime-image "$OUT/runtime" --module "$MODULE/$MAIN" \
  --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION" \
  --copyright "Batchyard authors" "${IMAGE_EXTRA[@]}" --dest "$OUT/app-image"
# Linux: the systemd unit of `batchyard serve` rides in the image's lib/; postinst installs it.
[ $OS = linux ] && install -m 0644 packaging/linux/batchyard.service "$OUT/app-image/$NAME/lib/batchyard.service"
[ "$WHAT" = app-image ] && { step "done: $OUT/app-image/$NAME"; exit 0; }

step "jpackage: installer"
case $OS in
  linux)
    # jpackage cannot see JavaFX's native libraries (they sit inside the jars), so it leaves
    # GTK and GL out of Depends; name them here.
    "$JDK/bin/jpackage" --type deb --name "$NAME" --app-image "$OUT/app-image/$NAME" "${COMMON[@]}" \
      --icon "$ICON" --resource-dir packaging/linux \
      --linux-package-name batchyard --linux-app-category utils \
      --linux-menu-group "System;Monitor;" --linux-shortcut \
      --linux-deb-maintainer "maintainers@batchyard.dev" \
      --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1"
    ;;
  windows)   # needs WiX 3 (candle.exe, light.exe) on PATH; untested here
    "$JDK/bin/jpackage" --type msi --name "$NAME" --app-image "$OUT/app-image/$NAME" "${COMMON[@]}" \
      --win-menu --win-menu-group Batchyard --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6f1b3c2e-8d4a-4c55-9b7e-2a9f0c6d7e41
    ;;
  macos)     # unsigned; add --mac-sign --mac-signing-key-user-name ... to sign; untested here
    "$JDK/bin/jpackage" --type dmg --name "$NAME" --app-image "$OUT/app-image/$NAME.app" "${COMMON[@]}" \
      --mac-package-identifier dev.batchyard --mac-package-name Batchyard
    ;;
esac
step "done: $(ls "$OUT"/dist/*)"
