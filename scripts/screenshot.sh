#!/usr/bin/env bash
# Renders every example map (with and without its events) to SVG and screenshots each SVG in
# headless Chromium, so a person can check that the pictures look right and the text fits.
# It also writes each example's PNG as journey draws it (NAME-events.direct.png), to check the
# PNG fallbacks described in docs/render.md, screenshots the florist example's report
# (florist-report.png), and its live view as journey serve shows it, before and after a
# broken save (live.png, live-broken.png; docs/live-view.png is the latter).
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

# The report, as a browser opens it from a file.
"$bin/journey" report examples/florist/florist.journey.yaml --events examples/florist/events.csv -o "$out/florist.html"
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
	--screenshot="$out/florist-report.png" --window-size=1600,2400 "file://$(realpath "$out/florist.html")" 2>/dev/null
rm -rf "$profile"
echo "$out/florist-report.png"

# The live view: serve a copy of the florist example, screenshot it, save a typo, screenshot
# the diagnostics over the last good picture.
live=$(mktemp -d)
cp examples/florist/florist.journey.yaml examples/florist/events.csv "$live/"
(cd "$live" && exec "$bin/journey" serve florist.journey.yaml --events events.csv --addr 127.0.0.1:0 -q >url 2>/dev/null) &
server=$!
for _ in $(seq 50); do [ -s "$live/url" ] && break; sleep 0.1; done
url=$(head -1 "$live/url")
snap() { # snap PNG: screenshot the live view into PNG
	local profile
	profile=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
		--screenshot="$1" --window-size=1600,1000 "$url" 2>/dev/null
	rm -rf "$profile"
	echo "$1"
}
snap "$out/live.png"
sed -i 's/^    name: Aanmelden$/    name: Aanmelden\n    nmae: typo/' "$live/florist.journey.yaml"
sleep 1
snap "$out/live-broken.png"
kill -INT "$server"
wait "$server"
rm -rf "$live"
