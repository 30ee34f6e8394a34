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
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() {
  stop "$app_pid"
  stop "$uncached_pid"
  stop "$nginx_pid"
  rm -rf "$scratch"
}
trap cleanup EXIT

# Tools: usually present; install only what is missing (the package lists may be stale, so update on failure).
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y "${missing[@]}" || { apt-get update && apt-get install -y "${missing[@]}"; }; } \
    >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log"; exit 1; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

dotnet build src/ClusterAtlas -c Release -nologo -v q -clp:ErrorsOnly >"$scratch/build.log" 2>&1 \
  || { cat "$scratch/build.log"; exit 1; }
app="src/ClusterAtlas/bin/Release/net10.0/ClusterAtlas.dll"

# A port the kernel just handed out and released: free, and not one a fixed guess might collide with.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
app_port=$(free_port)
uncached_port=$(free_port)
nginx_port=$(free_port)
while [ "$uncached_port" = "$app_port" ]; do uncached_port=$(free_port); done
while [ "$nginx_port" = "$app_port" ] || [ "$nginx_port" = "$uncached_port" ]; do nginx_port=$(free_port); done

# The app on a fresh data folder: first start creates the SQLite database and loads the demo profile.
ClusterAtlas__DataDirectory="$scratch/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$app" --urls "http://127.0.0.1:$app_port" >"$scratch/app.log" 2>&1 &
app_pid=$!
# --max-time everywhere: a hung app must not hang the benchmark.
ready() { curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$1/health/ready"; }
wait_ready() {
  local deadline=$((SECONDS + 60))
  until ready "$1"; do
    kill -0 "$2" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ] || { echo "the app did not become ready in 60 s"; tail -20 "$3"; exit 1; }
    sleep 1
  done
}
wait_ready "$app_port" "$app_pid" "$scratch/app.log"
# The same data with the output cache off: what rendering the page costs (started once the first has made the database).
ClusterAtlas__DataDirectory="$scratch/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__OutputCache__Enabled=false \
  dotnet "$app" --urls "http://127.0.0.1:$uncached_port" >"$scratch/uncached.log" 2>&1 &
uncached_pid=$!
wait_ready "$uncached_port" "$uncached_pid" "$scratch/uncached.log"

# The page as the app renders it now: nginx serves exactly these bytes. -f: a 404 or 500 page is no baseline.
www="$scratch/www"
mkdir -p "$www"
curl -sf --max-time 10 -o "$www/page.html" "http://127.0.0.1:$app_port$path" || { echo "GET $path failed on the app"; tail -20 "$scratch/app.log"; exit 1; }
page_bytes=$(stat -c %s "$www/page.html")
# nginx workers drop to an unprivileged user when started as root: they must be able to reach the file.
chmod 711 "$scratch"
chmod 755 "$www"
chmod 644 "$www/page.html"

# Private nginx: one worker (the app shares the same 2 cores with wrk too), everything inside the scratch folder.
# keepalive_requests is raised so nginx, like Kestrel, keeps wrk's connections open for the whole run.
cat >"$scratch/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $scratch/nginx.pid;
error_log $scratch/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $scratch/nginx-tmp/body;
  proxy_temp_path $scratch/nginx-tmp/proxy;
  fastcgi_temp_path $scratch/nginx-tmp/fastcgi;
  uwsgi_temp_path $scratch/nginx-tmp/uwsgi;
  scgi_temp_path $scratch/nginx-tmp/scgi;
  default_type text/html;
  sendfile on;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  server {
    listen 127.0.0.1:$nginx_port;
    location = ${path%%\?*} { alias $www/page.html; }
  }
}
EOF
mkdir -p "$scratch/nginx-tmp"
# -e: the log for messages before the config is read, so nginx never touches /var/log/nginx.
"$nginx_bin" -c "$scratch/nginx.conf" -p "$scratch" -e "$scratch/nginx-error.log" >"$scratch/nginx.out" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$nginx_port$path" && break; sleep 0.1; done
curl -sf --max-time 5 -o "$scratch/nginx-page.html" "http://127.0.0.1:$nginx_port$path" \
  || { echo "nginx did not serve the page"; cat "$scratch/nginx.out" "$scratch/nginx-error.log" 2>/dev/null; exit 1; }
cmp -s "$www/page.html" "$scratch/nginx-page.html" || { echo "nginx serves different bytes than the app"; exit 1; }
curl -sf --max-time 10 -o "$scratch/uncached-page.html" "http://127.0.0.1:$uncached_port$path" || { echo "GET $path failed on the uncached app"; exit 1; }

# Milliseconds from a wrk duration such as 812.00us, 3.45ms or 1.02s.
to_ms() { awk -v v="$1" 'BEGIN {
  if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
  else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
  else { sub(/s$/, "", v); printf "%.3f", v * 1000 } }'; }

# Runs wrk against URL and sets rps, p50, p99 (ms) and errors ("none" or what wrk reported).
measure() {
  local out="$scratch/wrk-$1.txt"
  wrk -t"$threads" -c"$3" -d"${duration}s" --latency "$2" >"$out" 2>&1 || { cat "$out"; exit 1; }
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  [ -n "$rps" ] || { echo "could not read wrk output for $1:"; cat "$out"; exit 1; }
  # wrk prints these lines only when something went wrong; a run with errors must show it in the table.
  errors=$(awk '
    /^ *Socket errors:/ { sub(/^ *Socket errors: */, ""); e = e (e ? "; " : "") "socket " $0 }
    /^ *Non-2xx or 3xx responses:/ { e = e (e ? "; " : "") "non-2xx " $NF }
    END { print (e ? e : "none") }' "$out")
}

url_app="http://127.0.0.1:$app_port$path"
url_uncached="http://127.0.0.1:$uncached_port$path"
url_nginx="http://127.0.0.1:$nginx_port$path"
echo "page $path ($page_bytes bytes); wrk -t$threads -c{$connection_counts} -d${duration}s; warm-up ${warmup}s (app), 3s (nginx)"
# Other work on the machine skews both targets (the app more: it needs far more CPU per request). Say so.
cores=$(nproc)
load=$(cut -d' ' -f1 /proc/loadavg)
echo "machine: $cores cores, load average $load before the run"
if awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l > c / 2) }'; then
  echo "warning: the machine is busy (load $load on $cores cores); numbers will be low and noisy"
fi
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
  ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.3f", (n > 0 ? a / n : 0) }')
  unc_ratio=$(awk -v a="$unc_rps" -v n="$nginx_rps" 'BEGIN { printf "%.3f", (n > 0 ? a / n : 0) }')
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
