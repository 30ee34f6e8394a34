#!/usr/bin/env bash
# Map and statistics benchmark at 100,000 sample profiles (BENCH_PROFILES) on SQLite: what the map page fetches for the
# whole directory (its compact point list, /cluster-organisations/map/points.json, and a popup), the statistics page,
# and the full open-data GeoJSON beside them, each fetched BENCH_ROUNDS times by one client, timed by curl.
# Measured past the output cache (every request carries an account cookie that signs nobody in, so the answer is
# computed from the in-memory directory, or the answers it keeps per snapshot, each time) and, beside it, as
# anonymous readers get it (cached).
# The installation is copied from BENCH_SOURCE (default bench/.data/export-sqlite-N, generated there with
# `demo-data --count N` when missing) into a scratch folder, so the source is never changed.
# The last line: `map profiles=N geojson_p95_ms=.. stats_p95_ms=.. bytes=..`, where geojson_p95_ms and bytes are the
# map page's data request (the point list: uncached p95 and size; the name is the issue's) and stats_p95_ms the
# statistics page's uncached p95. The machine's load average is printed before and after: the numbers are one run's.
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=${BENCH_PROFILES:-100000}
rounds=${BENCH_ROUNDS:-30}
source_dir=${BENCH_SOURCE:-bench/.data/export-sqlite-$profiles}
scratch=$(mktemp -d)
app_pid=""
. bench/lib.sh
cleanup() { stop "$app_pid"; rm -rf "$scratch"; }
trap cleanup EXIT

bench_build_app
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__DemoSampleProfiles=0
export ClusterAtlas__Api__RequestsPerMinute=100000
if [ ! -f "$source_dir/ready" ]; then
  mkdir -p "$source_dir"
  echo "generating $profiles sample profiles in $source_dir ..." >&2
  ClusterAtlas__DataDirectory="$source_dir" dotnet "$app" demo-data --count "$profiles" >"$scratch/demo.log" 2>&1 || { tail -20 "$scratch/demo.log"; exit 1; }
  touch "$source_dir/ready"
fi
cp -r "$source_dir" "$scratch/data"
export ClusterAtlas__DataDirectory="$scratch/data"

port=$(free_port)
dotnet "$app" --urls "http://127.0.0.1:$port" >"$scratch/app.log" 2>&1 &
app_pid=$!
wait_ready "$port" "$app_pid" "$scratch/app.log" 600
base="http://127.0.0.1:$port"

# times PATH COOKIE: one line per request, milliseconds; fails on an answer other than 200.
times() {
  local path=$1 cookie=$2 i
  for i in $(seq 1 "$rounds"); do
    curl -s -o /dev/null ${cookie:+-H "Cookie: $cookie"} -w '%{http_code} %{time_total}\n' "$base$path"
  done | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { printf "%.1f\n", $2 * 1000 }'
}
p() { sort -n | awk -v q="$1" '{ v[NR] = $1 } END { r = int(q / 100 * NR + 0.9999); if (r < 1) r = 1; print v[r] }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up: the directory snapshot and the network, the code paths, once each.
points="/cluster-organisations/map/points.json"
curl -sf -o /dev/null "$base$points"
curl -sf -o /dev/null "$base/api/v1/cluster-organisations.geojson"
curl -sf -o /dev/null "$base/statistics"
nobody="ClusterAtlas.Account=benchmark-no-account"
bytes=$(curl -s -H "Cookie: $nobody" "$base$points" | wc -c)
geojson_bytes=$(curl -s -H "Cookie: $nobody" "$base/api/v1/cluster-organisations.geojson" | wc -c)
# A popup: the first point's id ({"points":[[longitude,latitude,id,"name"],...).
first_id=$(curl -s "$base$points" | head -c 300 | sed -n 's/^{"points":\[\[[^,]*,[^,]*,\([0-9]*\),.*/\1/p' || true)
located=$(curl -s "$base/cluster-organisations/map" | tr -s ' \n' ' ' | grep -o '<p id="map-summary">[^<]*' | sed 's/<[^>]*>//; s/^ *//' | tr -s ' ' || true)
printf '%-32s %8s %8s %8s %8s\n' what requests p50_ms p95_ms max_ms
result() {
  local name=$1 file=$2
  printf '%-32s %8s %8s %8s %8s\n' "$name" "$(wc -l <"$file")" "$(p 50 <"$file")" "$(p 95 <"$file")" "$(p 100 <"$file")"
}
times "$points" "$nobody" >"$scratch/points"; result "map points, computed" "$scratch/points"
times "$points?country=DE" "$nobody" >"$scratch/points-de"; result "map points country=DE, computed" "$scratch/points-de"
times "/cluster-organisations/map/points/$first_id" "$nobody" >"$scratch/popup"; result "map popup, computed" "$scratch/popup"
times "/cluster-organisations/map" "$nobody" >"$scratch/mappage"; result "map page, computed" "$scratch/mappage"
times "/statistics" "$nobody" >"$scratch/stats"; result "statistics page, computed" "$scratch/stats"
times "/statistics?country=DE" "$nobody" >"$scratch/stats-de"; result "statistics country=DE, computed" "$scratch/stats-de"
times "/statistics/collaborations.csv" "$nobody" >"$scratch/collab"; result "collaborations csv, computed" "$scratch/collab"
times "/api/v1/cluster-organisations.geojson" "$nobody" >"$scratch/geojson"; result "full geojson, computed" "$scratch/geojson"
times "/api/v1/cluster-organisations.geojson?country=DE" "$nobody" >"$scratch/geojson-de"; result "geojson country=DE, computed" "$scratch/geojson-de"
times "$points" "" >"$scratch/points-cached"; result "map points, cached" "$scratch/points-cached"
times "/statistics" "" >"$scratch/stats-cached"; result "statistics page, cached" "$scratch/stats-cached"
times "/api/v1/cluster-organisations.geojson" "" >"$scratch/geojson-cached"; result "full geojson, cached" "$scratch/geojson-cached"
echo "map page: $located"
echo "map points bytes: $bytes; full geojson bytes: $geojson_bytes"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "map profiles=$profiles geojson_p95_ms=$(p 95 <"$scratch/points") stats_p95_ms=$(p 95 <"$scratch/stats") bytes=$bytes"
