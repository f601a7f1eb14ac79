#!/usr/bin/env bash
# Renders every icon file from the two hand-written SVG masters (see README.md):
#   batchyard-small.svg -> 16, 24 px (pixel-fitted)      batchyard.svg -> 32 .. 512 px
#   png/batchyard-<size>.png, batchyard.ico, batchyard.icns, batchyard.png (512, for Linux .deb),
#   the app's window icons under src/main/resources/dev/batchyard/app/common/icons/, and size-sheet.png.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# Outputs are committed, so a build never needs these tools; run this after editing an SVG.
set -euo pipefail
cd "$(dirname "$0")"

# Prefer ImageMagick's own binary: a wrapper earlier on PATH may not be the real thing.
CONVERT=convert
[ -x /usr/bin/convert ] && CONVERT=/usr/bin/convert
for tool in rsvg-convert "$CONVERT" png2icns; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool: apt-get install -y librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

SIZES=(16 24 32 48 64 128 256 512)
APP_SIZES=(16 24 32 48 64 128 256)   # Stage icons: the window manager picks the nearest size
APP_DIR=../src/main/resources/dev/batchyard/app/common/icons
# -strip / exclude date chunks: the same SVG gives byte-identical PNGs, so git sees no churn
IM_PNG=(-strip -define png:exclude-chunks=date,time)

master_for() { if [ "$1" -le 24 ]; then echo batchyard-small.svg; else echo batchyard.svg; fi; }

mkdir -p png "$APP_DIR"
for size in "${SIZES[@]}"; do
  rsvg-convert --width "$size" --height "$size" "$(master_for "$size")" --output "png/batchyard-$size.png"
done
cp png/batchyard-512.png batchyard.png
for size in "${APP_SIZES[@]}"; do
  cp "png/batchyard-$size.png" "$APP_DIR/batchyard-$size.png"
done

# Windows: one .ico holding 16..256 (256 is stored PNG-compressed by ImageMagick).
"$CONVERT" png/batchyard-{16,24,32,48,64,128,256}.png "${IM_PNG[@]}" batchyard.ico
# macOS: png2icns takes the sizes the icns format has slots for.
png2icns batchyard.icns png/batchyard-{16,32,48,128,256,512}.png >/dev/null

# Size sheet: every size on a light and a dark background, plus 16/24/32 blown up 6x
# (nearest neighbour) so single pixels can be judged.
sheet_row() {  # $1 background colour
  local cells=()
  for size in "${SIZES[@]}"; do
    local cell=$((size < 64 ? 88 : size + 24))
    cells+=( \( "png/batchyard-$size.png" -background "$1" -gravity center -extent "${cell}x536" \) )
  done
  "$CONVERT" -background "$1" "${cells[@]}" +append "$tmp/row-$2.png"
}
zoom_row() {  # $1 background colour, $3 cell width
  local cells=()
  for size in 16 24 32; do
    cells+=( \( "png/batchyard-$size.png" -background "$1" -flatten -filter point -resize 600% \
                -gravity center -extent "${3}x232" \) )
  done
  "$CONVERT" -background "$1" "${cells[@]}" +append "$tmp/zoom-$2.png"
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sheet_row '#F4F4F4' light; sheet_row '#202124' dark
# the zoom row splits the sheet's width into six cells: 16/24/32 on light, then on dark
zoom_cell=$(( $("$CONVERT" "$tmp/row-light.png" -format '%w' info:) / 6 ))
zoom_row '#F4F4F4' light "$zoom_cell"; zoom_row '#202124' dark "$zoom_cell"
"$CONVERT" "$tmp/zoom-light.png" "$tmp/zoom-dark.png" +append "$tmp/zoom.png"
"$CONVERT" -background '#202124' "$tmp/row-light.png" "$tmp/row-dark.png" "$tmp/zoom.png" -gravity west -append \
  "${IM_PNG[@]}" size-sheet.png

echo "icons: ${#SIZES[@]} PNGs, batchyard.ico, batchyard.icns, size-sheet.png, ${#APP_SIZES[@]} app PNGs"
