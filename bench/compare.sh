#!/usr/bin/env bash
# Times journey analyze against its baselines on one event file, in interleaved rounds, and
# prints the medians: wall time, CPU time (user + system), peak memory, and journey's ratios
# to DuckDB and to the line read.
#
#   bench/compare.sh ROUNDS MAP EVENTS SPEC [ANALYZE FLAGS...]
#
# SPEC is bench/duckdb's funnel spec for the file (florist.json for files from journey
# simulate). It expects bin/journey and bin/lineread built and bench/duckdb installed:
#
#   go build -o bin/journey ./cmd/journey && go build -o bin/lineread ./bench/lineread
#   (cd bench/duckdb && npm ci)
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: bench/compare.sh ROUNDS MAP EVENTS SPEC [ANALYZE FLAGS...]" >&2
  exit 2
fi
rounds=$1 map=$2 events=$(realpath "$3") spec=$(realpath "$4")
shift 4
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run NAME COMMAND...: runs the command once, noting its times under NAME.
run() {
  local name=$1
  shift
  /usr/bin/time -o "$log.t" -f "%e %U %S %M" "$@" > /dev/null
  echo "$name $(cat "$log.t")" >> "$log"
  rm -f "$log.t"
}

for _ in $(seq "$rounds"); do
  run journey "$root/bin/journey" analyze "$map" --events "$events" --format json -q "$@"
  run duckdb node "$root/bench/duckdb/funnel.mjs" "$events" "$spec"
  run lineread "$root/bin/lineread" "$events"
done

# median NAME FIELD: the median of a field (2 wall, 3 user, 4 system, 5 peak KiB) of NAME's
# runs; field 0 is user + system.
median() {
  awk -v name="$1" -v f="$2" '$1 == name { print (f == 0 ? $3 + $4 : $f) }' "$log" |
    sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

size=$(stat -c %s "$events")
echo "$events: $size bytes, medians of $rounds interleaved rounds"
for name in journey duckdb lineread; do
  printf '%-9s %6.2f s  %6.2f s CPU  %5.0f MiB\n' "$name" "$(median $name 2)" "$(median $name 0)" \
    "$(awk -v k="$(median $name 5)" 'BEGIN { print k / 1024 }')"
done
awk -v j="$(median journey 2)" -v d="$(median duckdb 2)" -v l="$(median lineread 2)" \
  -v jm="$(median journey 5)" -v dm="$(median duckdb 5)" -v s="$size" 'BEGIN {
  printf "journey: %.0f MB/s; %.2fx DuckDB'"'"'s time (%.1f times as fast), %.2fx its memory; %.1fx the line read\n",
    s / j / 1e6, j / d, d / j, jm / dm, j / l
}'
