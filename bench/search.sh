#!/usr/bin/env bash
# Search benchmark: 100,000 sample profiles (BENCH_SEARCH_COUNTS, several sizes in one run, e.g. "100000 1000000"),
# on SQLite and on PostgreSQL (BENCH_DATABASES), one client sending a mix of text, facet, text+facet, deep-page and
# HTML-page searches over HTTP. Each size and database prints its table and a line
# `search profiles=N db=D p50_ms=.. p95_ms=.. p99_ms=.. ... answers_first_s=.. ready_first_s=.. ready_s=.. network_s=.. rss_network_mb=..`:
# ready_first_s is the time from the start of the process to the first answer of /health/ready (the directory built)
# on a data folder without a directory snapshot file, answers_first_s to its first answer at all (/health/live),
# ready_s the same as ready_first_s on the next start (with the file the first start wrote); network_s the time from
# the first profile page after the searches until a profile page shows the network (built then, in the background),
# rss_network_mb the app's memory once it is (rss_mb is after the searches). The last line of the run is the
# last one's. Data is kept in bench/.data (BENCH_DATA_DIR names another such folder) and reused by later runs:
#   SQLite      sqlite-N; above 100,000 the 100,000 sample profiles of sqlite-100000 are multiplied
#               (bench/multiply-sqlite.sh) rather than generated, which would take hours.
#   PostgreSQL  search-postgres-N (the server's folder `pg`, the app's data folder `data`), its server started for the
#               run. At a multiple of 100,000 it is a copy of load.sh's load-postgres-100000 (search-postgres-100000
#               when that is missing), multiplied by bench/multiply-postgres.sh (about 3 minutes to a million): at
#               100,000 a plain copy. Otherwise, or without such a source, generated with `demo-data --count`.
# A finished folder holds a `ready` file; one without it is made again.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${BENCH_SEARCH_COUNTS:-${BENCH_PROFILES:-100000}}
databases=${BENCH_DATABASES:-sqlite postgres}
rounds=${BENCH_ROUNDS:-20}
keep="${BENCH_DATA_DIR:-bench/.data}"
mkdir -p "$keep"
scratch=$(mktemp -d)
app_pid=""
. scripts/private-postgres.sh
# wait_settled (its own start_app and free_port, defined below, are this script's).
. bench/lib.sh
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  stop_private_postgres
  rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build src/ClusterAtlas -c Release -nologo -v q -clp:ErrorsOnly >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
dotnet build bench/SearchBench -c Release -nologo -v q -clp:ErrorsOnly >>"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
app="src/ClusterAtlas/bin/Release/net10.0/ClusterAtlas.dll"
client="bench/SearchBench/bin/Release/net10.0/SearchBench.dll"

free_port() { local p=$1; while (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

# Seconds from starting the app to its first answer (answers, /health/live: pages other than searches answer from
# then, the directory being built in the background) and to its first ready answer (ready); sets app_pid.
start_app() {
  local started; started=$(date +%s.%N)
  dotnet "$app" --urls "http://127.0.0.1:$port" >>"$scratch/app-$db-$profiles.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.1; done
  answers=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the app did not start"; tail -20 "$scratch/app-$db-$profiles.log"; exit 1; }
  ready=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

for profiles in $counts; do
for db in $databases; do
  # Searches, not the output cache (docs/decisions/0027) in front of them: every request reaches the directory.
  export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__OutputCache__Enabled=false
  # One client sends every request: the API's per-client limit would answer most of them 429 (quickly, and uncounted).
  export ClusterAtlas__Api__RequestsPerMinute=1000000000
  if [ "$db" = postgres ]; then
    data="$keep/search-postgres-$profiles"
    [ -f "$data/ready" ] || rm -rf "$data"
    source_data=""
    for candidate in "$keep/load-postgres-100000" "$keep/search-postgres-100000"; do
      [ -z "$source_data" ] && [ "$candidate" != "$data" ] && [ -f "$candidate/ready" ] && source_data=$candidate
    done
    if [ ! -f "$data/ready" ] && [ $((profiles % 100000)) = 0 ] && [ -n "$source_data" ]; then
      echo "copying the 100,000 sample profiles of $source_data, $((profiles / 100000)) times ..."
      start=$(date +%s)
      bench/multiply-postgres.sh "$source_data" "$data" $((profiles / 100000)) >"$scratch/multiply.log" 2>&1 || { tail -20 "$scratch/multiply.log"; exit 1; }
      echo "  took $(( $(date +%s) - start )) s"
      touch "$data/ready"
    fi
    if [ -f "$data/ready" ]; then
      PG_PORT=55432
      while (echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
      resume_private_postgres "$(realpath "$data")/pg" "$PG_PORT"
      need_data=0
    else
      mkdir -p "$data/data"
      start_private_postgres "$(realpath "$data")/pg"
      need_data=1
    fi
    export ClusterAtlas__Database=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export ClusterAtlas__DataDirectory="$data/data"
  else
    unset ClusterAtlas__Database ConnectionStrings__Default
    export ClusterAtlas__DataDirectory="$keep/sqlite-$profiles"
    need_data=0
    [ -f "$ClusterAtlas__DataDirectory/ready" ] || { rm -rf "$ClusterAtlas__DataDirectory"; need_data=1; }
    if [ "$need_data" = 1 ] && [ "$profiles" -gt 100000 ] && [ $((profiles % 100000)) = 0 ] && [ -f "$keep/sqlite-100000/ready" ]; then
      echo "multiplying the 100,000 sample profiles $((profiles / 100000)) times ..."
      start=$(date +%s)
      bench/multiply-sqlite.sh "$keep/sqlite-100000" "$ClusterAtlas__DataDirectory" $((profiles / 100000)) >"$scratch/multiply.log" 2>&1 || { tail -20 "$scratch/multiply.log"; exit 1; }
      echo "  took $(( $(date +%s) - start )) s"
      touch "$ClusterAtlas__DataDirectory/ready"
      need_data=0
    fi
  fi
  # Each measured first start begins without the directory snapshot file.
  rm -f "$ClusterAtlas__DataDirectory/directory-snapshot.bin"
  if [ "$need_data" = 1 ]; then
    echo "generating $profiles sample profiles on $db ..."
    start=$(date +%s)
    dotnet "$app" demo-data --count "$profiles" >"$scratch/demo-$db.log" 2>&1 || { tail -20 "$scratch/demo-$db.log"; exit 1; }
    echo "  took $(( $(date +%s) - start )) s"
    if [ "$db" = sqlite ]; then touch "$ClusterAtlas__DataDirectory/ready"; else touch "$data/ready"; fi
  fi
  port=$(free_port 5300)
  start_app
  ready_first=$ready
  answers_first=$answers
  # The first start writes the snapshot file once it has built the directory (in the background).
  [ "$profiles" -ge 20000 ] && for _ in $(seq 1 600); do [ -f "$ClusterAtlas__DataDirectory/directory-snapshot.bin" ] && break; sleep 0.5; done
  stop_app
  start_app
  wait_settled 900 "$app_pid"
  set +e
  dotnet "$client" "http://127.0.0.1:$port" "$db" "$profiles" "$rounds" "$app_pid" >"$scratch/client.log"
  status=$?
  set -e
  head -n -1 "$scratch/client.log"
  # Then one profile page, which builds the network (its recommendations), and the memory once it is built: the
  # searches alone never build it.
  slug=$(curl -s "http://127.0.0.1:$port/api/v1/cluster-organisations?q=cluster&pageSize=1" | grep -o '"slug": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
  network_start=$(date +%s.%N)
  network_s=none
  for _ in $(seq 1 600); do
    # The page whole, then looked at (grep -q closing a pipe from curl fails the pipe under pipefail).
    curl -s "http://127.0.0.1:$port/cluster-organisations/$slug" >"$scratch/profile.html" || true
    grep -q 'id="network' "$scratch/profile.html" || break
    grep -q 'network-preparing' "$scratch/profile.html" || { network_s=$(awk -v s="$network_start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'); break; }
    sleep 0.5
  done
  sleep 2
  rss_network=$(( $(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status") / 1024 ))
  echo "$(tail -1 "$scratch/client.log") answers_first_s=$answers_first ready_first_s=$ready_first ready_s=$ready network_s=$network_s rss_network_mb=$rss_network"
  stop_app
  [ "$db" = postgres ] && stop_private_postgres
  [ "$status" = 0 ] || exit "$status"
  echo
done
done
