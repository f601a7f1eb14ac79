#!/usr/bin/env bash
# Smoke test of the installers (Linux): builds them with packaging/build.sh, then checks that
#   - the app image's launcher prints the version with no display (`batchyard --version`) and
#     runs CLI commands (import-go of the Go sample batches, then list),
#   - the .deb declares the GTK/GL packages JavaFX needs, and carries the launcher, the desktop
#     entry (name, icon, menu categories) and the icon,
#   - the launcher unpacked from the .deb runs too,
#   - the .deb carries the systemd unit of `batchyard serve`, which postinst installs, not enabled,
#   - (when xvfb-run and xdotool exist) the launcher with no arguments opens the Batchyard window.
# Prints timings and sizes, and ends with "N passed, N failed". Env: as build.sh (MVN_ARGS,
# SKIP_MAVEN), SMOKE_GUI=0 to skip the window check, SMOKE_SHOT=file.png to keep a screenshot.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=target/packaging
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
passed=0; failed=0
check() {  # $1 description, rest: command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $what"
  else failed=$((failed + 1)); echo "FAIL $what"; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }

start=$SECONDS
packaging/build.sh all || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
build_s=$((SECONDS - start))

launcher=$OUT/app-image/batchyard/bin/batchyard
version_out=$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 "$launcher" --version 2>&1)
echo "\$ batchyard --version -> $version_out"
check "app image: --version prints 'batchyard $VERSION' without a display" \
  contains "$version_out" "batchyard $VERSION"

# The CLI through the installed launcher, on the real engine in the jlinked runtime: import the
# Go agent's sample batches into a fresh store, then list them.
store=$(mktemp -d)
check "app image: batchyard import-go <Go batch dir> exits 0" \
  env -u DISPLAY "$launcher" import-go --store "$store/store" src/test/resources/legacy-go-format
listing=$(env -u DISPLAY "$launcher" list --store "$store/store" 2>&1)
for sample in src/test/resources/legacy-go-format/batch_*.json; do
  id=$(basename "$sample" .json); id=${id#batch_}
  check "app image: batchyard list shows imported batch $id" contains "$listing" "$id"
done
rm -rf "$store"

deb=$(ls "$OUT"/dist/batchyard_*.deb)
info=$(dpkg-deb -I "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
for pkg in libgtk-3-0 libgl1 libxtst6 libxxf86vm1; do
  check "deb: Depends names $pkg" contains "$depends" "$pkg"
done
check "deb: package is batchyard $(sed -n 's/^ Version: //p' <<<"$info")" contains "$info" "Package: batchyard"
files=$(dpkg-deb -c "$deb")
check "deb: carries the launcher /opt/batchyard/bin/batchyard" contains "$files" "./opt/batchyard/bin/batchyard"
check "deb: carries the icon /opt/batchyard/lib/batchyard.png" contains "$files" "./opt/batchyard/lib/batchyard.png"
check "deb: carries a desktop entry" contains "$files" ".desktop"

unpacked=$(mktemp -d); trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
dpkg-deb -e "$deb" "$unpacked/DEBIAN"
desktop=$(cat "$unpacked"/opt/batchyard/lib/*.desktop)
check "desktop entry: Name=Batchyard" contains "$desktop" "Name=Batchyard"
check "desktop entry: Exec is the launcher" contains "$desktop" "Exec=/opt/batchyard/bin/batchyard"
check "desktop entry: Icon is the packaged PNG" contains "$desktop" "Icon=/opt/batchyard/lib/batchyard.png"
check "desktop entry: menu categories System;Monitor;" contains "$desktop" "Categories=System;Monitor;"
check "postinst: installs the menu entry and /usr/bin/batchyard" \
  contains "$(cat "$unpacked/DEBIAN/postinst")" "ln -sf /opt/batchyard/bin/batchyard /usr/bin/batchyard"
check "deb: carries the systemd unit /opt/batchyard/lib/batchyard.service" \
  contains "$files" "./opt/batchyard/lib/batchyard.service"
check "unit: ExecStart runs batchyard serve on the store in /var/lib/batchyard" \
  contains "$(cat "$unpacked/opt/batchyard/lib/batchyard.service")" \
  "ExecStart=/opt/batchyard/bin/batchyard serve --store /var/lib/batchyard/store --config /etc/batchyard/config.yaml"
check "postinst: installs batchyard.service and does not enable it" bash -c \
  'grep -q "/lib/systemd/system/batchyard.service" "$1" && ! grep -q "systemctl enable" "$1"' _ "$unpacked/DEBIAN/postinst"
if command -v systemd-analyze >/dev/null; then
  # verify against the unpacked launcher, so the check knows whether ExecStart can run
  unit=$(mktemp -d)/batchyard.service
  sed "s:/opt/batchyard/bin/batchyard:$unpacked/opt/batchyard/bin/batchyard:" \
    "$unpacked/opt/batchyard/lib/batchyard.service" >"$unit"
  check "unit: systemd-analyze verify finds nothing" bash -c '[ -z "$(systemd-analyze verify "$1" 2>&1)" ]' _ "$unit"
fi
check "icon in the .deb is the 512 px render" cmp -s "$unpacked/opt/batchyard/lib/batchyard.png" icons/batchyard.png
deb_version=$(env -u DISPLAY timeout 60 "$unpacked/opt/batchyard/bin/batchyard" --version 2>&1)
check "launcher unpacked from the .deb: --version" contains "$deb_version" "batchyard $VERSION"

if [ "${SMOKE_GUI:-1}" = 1 ] && command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
  gui=$(mktemp)
  # no arguments: the desktop app. Wait for its window, screenshot, then stop the launcher.
  xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
    "$1" & app=$!
    for _ in $(seq 60); do
      win=$(xdotool search --onlyvisible --name "^Batchyard" 2>/dev/null | head -n 1) && [ -n "$win" ] && break
      sleep 1
    done
    [ -n "${win:-}" ] && echo "window: $(xdotool getwindowname "$win")" && xprop -id "$win" WM_CLASS
    [ -n "${2:-}" ] && [ -n "${win:-}" ] && sleep 2 && import -window root "$2"
    kill "$app"; wait "$app" 2>/dev/null; true' _ "$launcher" "${SMOKE_SHOT:-}" >"$gui" 2>&1
  check "app image: no arguments opens the Batchyard window (Xvfb)" grep -q '^window: Batchyard' "$gui"
  wm_class=$(sed -n 's/^StartupWMClass=//p' <<<"$desktop")
  check "desktop entry: StartupWMClass ($wm_class) is the window's WM_CLASS" \
    grep -q "^WM_CLASS.*\"$wm_class\"" "$gui"
  grep -E '^(window:|WM_CLASS)' "$gui" || tail -5 "$gui"
  rm -f "$gui"
fi

echo "-- build (maven + jar + jlink + app image + deb): ${build_s}s"
echo "-- sizes: runtime $(du -sh "$OUT/runtime" | cut -f1), app image $(du -sh "$OUT/app-image" | cut -f1)," \
     "deb $(du -h "$deb" | cut -f1) (Installed-Size $(sed -n 's/^ Installed-Size: //p' <<<"$info") KiB)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
