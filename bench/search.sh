#!/usr/bin/env bash
# Search benchmark: 100,000 sample profiles (BENCH_PROFILES), on SQLite and on PostgreSQL (BENCH_DATABASES),
# one client sending a mix of text, facet, text+facet, deep-page and HTML-page searches over HTTP.
# Each database prints its table and a line `search profiles=N db=D p50_ms=.. p95_ms=.. p99_ms=..`; the last line
# of the run is the last database's. Generated databases are kept in bench/.data to save the next run 2 minutes each.
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=${BENCH_PROFILES:-100000}
databases=${BENCH_DATABASES:-sqlite postgres}
rounds=${BENCH_ROUNDS:-20}
keep="bench/.data"
mkdir -p "$keep"
scratch=$(mktemp -d)
app_pid=""
. scripts/private-postgres.sh
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

for db in $databases; do
  export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  if [ "$db" = postgres ]; then
    # PostgreSQL data lives in the server's own folder: generated afresh each run.
    start_private_postgres "$scratch/pg"
    export ClusterAtlas__Database=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export ClusterAtlas__DataDirectory="$scratch/pgdata"
    need_data=1
  else
    unset ClusterAtlas__Database ConnectionStrings__Default
    export ClusterAtlas__DataDirectory="$keep/sqlite-$profiles"
    need_data=0
    [ -f "$ClusterAtlas__DataDirectory/ready" ] || { rm -rf "$ClusterAtlas__DataDirectory"; need_data=1; }
  fi
  if [ "$need_data" = 1 ]; then
    echo "generating $profiles sample profiles on $db ..."
    start=$(date +%s)
    dotnet "$app" demo-data --count "$profiles" >"$scratch/demo-$db.log" 2>&1 || { tail -20 "$scratch/demo-$db.log"; exit 1; }
    echo "  took $(( $(date +%s) - start )) s"
    [ "$db" = sqlite ] && touch "$ClusterAtlas__DataDirectory/ready"
  fi
  port=$(free_port 5300)
  dotnet "$app" --urls "http://127.0.0.1:$port" >"$scratch/app-$db.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the app did not start"; tail -20 "$scratch/app-$db.log"; exit 1; }
  dotnet "$client" "http://127.0.0.1:$port" "$db" "$profiles" "$rounds" "$app_pid"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  [ "$db" = postgres ] && stop_private_postgres
  echo
done
