#!/usr/bin/env bash
# Renders every example map (with and without its events) to SVG and screenshots each SVG in
# headless Chromium, so a person can check that the pictures look right and the text fits.
# It also writes each example's PNG as journey draws it (NAME-events.direct.png), to check the
# PNG fallbacks described in docs/render.md.
#
#   scripts/screenshot.sh [OUTDIR]      (default OUTDIR: ./screenshots)
#
# The pictures are wide: crop before viewing, e.g. convert X.png -crop 1600x1100+0+0 X-left.png
# Needs Debian's chromium (apt-get install -y chromium fonts-noto-color-emoji).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-screenshots}
mkdir -p "$out"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/journey" ./cmd/journey

shoot() { # shoot SVG PNG: screenshot SVG at its own size into PNG
	local svg=$1 png=$2 w h profile
	w=$(grep -o '<svg width="[0-9]*pt"' "$svg" | grep -o '[0-9]*')
	h=$(grep -o 'height="[0-9]*pt"' "$svg" | head -1 | grep -o '[0-9]*')
	# Graphviz sizes are points; Chromium windows are CSS pixels (4/3 of a point).
	w=$(((w * 4 + 2) / 3 + 16)); h=$(((h * 4 + 2) / 3 + 16))
	profile=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$profile" --screenshot="$png" \
		--window-size="$w,$h" "file://$(realpath "$svg")" 2>/dev/null
	rm -rf "$profile"
	echo "$png (${w}x${h})"
}

for map in examples/*/*.journey.yaml; do
	name=$(basename "$map" .journey.yaml)
	"$bin/journey" render "$map" -o "$out/$name.svg"
	shoot "$out/$name.svg" "$out/$name.png"
	events=$(dirname "$map")/events.csv
	if [ -f "$events" ]; then
		"$bin/journey" render "$map" --events "$events" -o "$out/$name-events.svg"
		shoot "$out/$name-events.svg" "$out/$name-events.png"
		"$bin/journey" render "$map" --events "$events" --format png -o "$out/$name-events.direct.png"
	fi
done
