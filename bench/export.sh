#!/usr/bin/env bash
# Export benchmark: the directory's CSV, XLSX and JSON exports of every profile, at 10,000 and 100,000 sample profiles
# (BENCH_EXPORT_COUNTS) on SQLite, in one run. For each size the app is started, warmed up (the directory index built,
# each format exported once for a handful of profiles), its peak resident memory reset (/proc/PID/clear_refs), and each
# export fetched over HTTP and timed; the server's peak RSS (VmHWM) is read after each. The exports stream a batch of
# profiles at a time, so the peak during an export should not grow with the number of profiles (the directory index
# the server keeps anyway does, and is in the "before" column). Generated databases are kept in bench/.data.
# The last line: `export profiles=N csv_s=.. xlsx_s=.. json_s=.. peak_rss_mb=..` for the largest size.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${BENCH_EXPORT_COUNTS:-10000 100000}
keep="bench/.data"
mkdir -p "$keep"
scratch=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build src/ClusterAtlas -c Release -nologo -v q -clp:ErrorsOnly >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
app="src/ClusterAtlas/bin/Release/net10.0/ClusterAtlas.dll"

free_port() { local p=$1; while (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$app_pid/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__DemoSampleProfiles=0
# One client fetching whole exports: no per-minute limit in the way.
export ClusterAtlas__Api__RequestsPerMinute=100000
printf '%-9s %-6s %9s %10s %9s %14s %13s %s\n' profiles format seconds size_mb rows rss_before_mb peak_rss_mb load_avg
summary=""
for count in $counts; do
  export ClusterAtlas__DataDirectory="$keep/export-sqlite-$count"
  if [ ! -f "$ClusterAtlas__DataDirectory/ready" ]; then
    rm -rf "$ClusterAtlas__DataDirectory"
    echo "generating $count sample profiles ..." >&2
    start=$(date +%s)
    dotnet "$app" demo-data --count "$count" >"$scratch/demo-$count.log" 2>&1 || { tail -20 "$scratch/demo-$count.log"; exit 1; }
    echo "  took $(( $(date +%s) - start )) s" >&2
    touch "$ClusterAtlas__DataDirectory/ready"
  fi
  port=$(free_port 5400)
  dotnet "$app" --urls "http://127.0.0.1:$port" >"$scratch/app-$count.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the app did not start"; tail -20 "$scratch/app-$count.log"; exit 1; }
  base="http://127.0.0.1:$port/api/v1/cluster-organisations"
  # Warm-up: the directory index, and each format's code for the profiles of one country.
  curl -sf -o /dev/null "$base?pageSize=1"
  for format in csv xlsx json; do curl -sf -o /dev/null "$base/export.$format?country=RS"; done
  line="export profiles=$count"
  peak_all=0
  for format in csv xlsx json; do
    before=$(kib VmRSS)
    echo 5 > "/proc/$app_pid/clear_refs"
    start=$(date +%s.%N)
    curl -sf -o "$scratch/export.$format" "$base/export.$format"
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    peak=$(kib VmHWM)
    [ "$peak" -gt "$peak_all" ] && peak_all=$peak
    size=$(stat -c %s "$scratch/export.$format")
    case $format in
      csv) rows=$(python3 -c 'import csv,sys; r=csv.reader(l for l in open(sys.argv[1], encoding="utf-8-sig", newline="") if not l.startswith("#")); print(sum(1 for _ in r) - 1)' "$scratch/export.csv") ;;
      json) rows=$(grep -c '^{' "$scratch/export.json" || true) ;;
      xlsx) rows=$(python3 -c '
import sys, zipfile
sheet = zipfile.ZipFile(sys.argv[1]).open("xl/worksheets/sheet1.xml")
rows, tail = 0, b""
while chunk := sheet.read(1 << 20):
    data = tail + chunk
    rows += data.count(b"<row")
    tail = data[-3:]
    rows -= tail.count(b"<row")
print(rows - 1)' "$scratch/export.xlsx") ;;
    esac
    printf '%-9s %-6s %9s %10s %9s %14s %13s %s\n' "$count" "$format" "$seconds" "$(mb $((size / 1024)))" "$rows" "$(mb "$before")" "$(mb "$peak")" "$(cut -d' ' -f1-3 /proc/loadavg)"
    line="$line ${format}_s=$seconds"
    rm -f "$scratch/export.$format"
  done
  line="$line peak_rss_mb=$(mb "$peak_all")"
  summary="$summary$line"$'\n'
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
done
printf '%s' "$summary"
