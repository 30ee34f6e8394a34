#!/usr/bin/env bash
# Profile-page benchmark: how fast the app renders one public profile page, next to nginx serving the same bytes
# as a static file on the same machine (the ceiling for "an HTML page over HTTP/1.1 here").
# The app runs twice on the same data: as configured (public pages in the output cache) and with the output cache off
# (ClusterAtlas__OutputCache__Enabled=false: every request renders the page). Each is loaded the same way as nginx with
# wrk (BENCH_THREADS threads, BENCH_DURATION s) at each number of connections in BENCH_CONNECTIONS (default "32 256").
# Settings: BENCH_PATH (page), BENCH_WARMUP (s, app warm-up), BENCH_DURATION (s), BENCH_THREADS, BENCH_CONNECTIONS.
# The last line is `profile-page rps=.. nginx_rps=.. ratio=.. p99_ms=..` for the cached app at the first number of
# connections (ratio = app / nginx requests per second), then `uncached_rps= uncached_ratio= uncached_p99_ms=` there,
# and `c<N>_ratio= c<N>_p99_ms= c<N>_uncached_ratio=` for every number of connections.
set -euo pipefail
cd "$(dirname "$0")/.."
path=${BENCH_PATH:-/cluster-organisations/vojvodina-metal-cluster}
warmup=${BENCH_WARMUP:-10}
duration=${BENCH_DURATION:-15}
threads=${BENCH_THREADS:-2}
connection_counts=${BENCH_CONNECTIONS:-32 256}

scratch=$(mktemp -d)
app_pid=""
uncached_pid=""
nginx_pid=""
. bench/lib.sh
cleanup() {
  stop "$app_pid"
  stop "$uncached_pid"
  stop "$nginx_pid"
  rm -rf "$scratch"
}
trap cleanup EXIT

bench_tools
bench_build_app
app_port=$(free_port)
uncached_port=$(free_port "$app_port")
nginx_port=$(free_port "$app_port" "$uncached_port")

# The app on a fresh data folder: first start creates the SQLite database and loads the demo profile.
ClusterAtlas__DataDirectory="$scratch/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$app" --urls "http://127.0.0.1:$app_port" >"$scratch/app.log" 2>&1 &
app_pid=$!
wait_ready "$app_port" "$app_pid" "$scratch/app.log"
# The same data with the output cache off: what rendering the page costs (started once the first has made the database).
ClusterAtlas__DataDirectory="$scratch/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__OutputCache__Enabled=false \
  dotnet "$app" --urls "http://127.0.0.1:$uncached_port" >"$scratch/uncached.log" 2>&1 &
uncached_pid=$!
wait_ready "$uncached_port" "$uncached_pid" "$scratch/uncached.log"

# The page as the app renders it now: nginx serves exactly these bytes. -f: a 404 or 500 page is no baseline.
curl -sf --max-time 10 -o "$scratch/page.html" "http://127.0.0.1:$app_port$path" || { echo "GET $path failed on the app"; tail -20 "$scratch/app.log"; exit 1; }
page_bytes=$(stat -c %s "$scratch/page.html")
start_static_nginx "$nginx_port" "$scratch/page.html" "$path"
curl -sf --max-time 10 -o "$scratch/uncached-page.html" "http://127.0.0.1:$uncached_port$path" || { echo "GET $path failed on the uncached app"; exit 1; }

url_app="http://127.0.0.1:$app_port$path"
url_uncached="http://127.0.0.1:$uncached_port$path"
url_nginx="http://127.0.0.1:$nginx_port$path"
wait_settled 300 "$app_pid" "$uncached_pid"
echo "page $path ($page_bytes bytes); wrk -t$threads -c{$connection_counts} -d${duration}s; warm-up ${warmup}s (app), 3s (nginx)"
report_machine_load
# Warm-up: JIT (tiered compilation), EF Core query caches and connection pools settle before the app is measured.
first_connections=${connection_counts%% *}
wrk -t"$threads" -c"$first_connections" -d"${warmup}s" "$url_app" >/dev/null 2>&1
wrk -t"$threads" -c"$first_connections" -d"${warmup}s" "$url_uncached" >/dev/null 2>&1

table="$scratch/table.txt"
extra=""
for connections in $connection_counts; do
  measure "app-$connections" "$url_app" "$connections"
  app_rps=$rps app_p50=$p50 app_p99=$p99 app_errors=$errors
  measure "uncached-$connections" "$url_uncached" "$connections"
  unc_rps=$rps unc_p50=$p50 unc_p99=$p99 unc_errors=$errors
  wrk -t"$threads" -c"$connections" -d3s "$url_nginx" >/dev/null 2>&1
  measure "nginx-$connections" "$url_nginx" "$connections"
  nginx_rps=$rps nginx_p50=$p50 nginx_p99=$p99 nginx_errors=$errors
  ratio=$(ratio "$app_rps" "$nginx_rps")
  unc_ratio=$(ratio "$unc_rps" "$nginx_rps")
  printf '%-9s | %5s | %12s | %8.2f | %8.2f | %6s | %s\n' cached "$connections" "$app_rps" "$app_p50" "$app_p99" "$ratio" "$app_errors" >>"$table"
  printf '%-9s | %5s | %12s | %8.2f | %8.2f | %6s | %s\n' uncached "$connections" "$unc_rps" "$unc_p50" "$unc_p99" "$unc_ratio" "$unc_errors" >>"$table"
  printf '%-9s | %5s | %12s | %8.2f | %8.2f | %6s | %s\n' nginx "$connections" "$nginx_rps" "$nginx_p50" "$nginx_p99" "1.000" "$nginx_errors" >>"$table"
  if [ "$connections" = "$first_connections" ]; then
    first=$(printf 'rps=%s nginx_rps=%s ratio=%s p99_ms=%.2f uncached_rps=%s uncached_ratio=%s uncached_p99_ms=%.2f' \
      "$app_rps" "$nginx_rps" "$ratio" "$app_p99" "$unc_rps" "$unc_ratio" "$unc_p99")
  fi
  extra="$extra $(printf 'c%s_ratio=%s c%s_p99_ms=%.2f c%s_uncached_ratio=%s' "$connections" "$ratio" "$connections" "$app_p99" "$connections" "$unc_ratio")"
done

echo
printf '%-9s | %5s | %12s | %8s | %8s | %6s | %s\n' target conns "requests/s" "p50 ms" "p99 ms" ratio errors
printf '%-9s-+-%5s-+-%12s-+-%8s-+-%8s-+-%6s-+-%s\n' --------- ----- ------------ -------- -------- ------ ------
cat "$table"
echo
echo "ratio = app / nginx requests per second (share of the static-file ceiling); load average now $(cut -d' ' -f1 /proc/loadavg)"
echo "profile-page $first$extra"
