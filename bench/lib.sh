# Sourced by the benchmarks that run the app (profile-page.sh, load.sh, map.sh): tools, the app's Release build, free ports, waiting for
# the app, a private nginx serving saved pages as static files, and wrk runs read into numbers.
# The sourcing script sets `scratch` (its mktemp -d folder) first; measure also reads `threads` and `duration`.

# wrk and nginx: usually present; install only what is missing (the package lists may be stale, so update on failure).
# Sets nginx_bin.
bench_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y "${missing[@]}" || { apt-get update && apt-get install -y "${missing[@]}"; }; } \
      >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log"; exit 1; }
  fi
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
}

# The app in Release (build log printed only on failure). Sets app (the dll to run with dotnet).
bench_build_app() {
  dotnet build src/ClusterAtlas -c Release -nologo -v q -clp:ErrorsOnly >"$scratch/build.log" 2>&1 \
    || { cat "$scratch/build.log"; exit 1; }
  app="src/ClusterAtlas/bin/Release/net10.0/ClusterAtlas.dll"
}

# A port the kernel just handed out and released: free, and not one a fixed guess might collide with.
# Pass the ports already taken to get another one.
free_port() {
  local port
  while :; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    case " $* " in *" $port "*) ;; *) echo "$port"; return ;; esac
  done
}

# wait_ready PORT PID LOG [SECONDS]: until /health/ready answers (--max-time everywhere: a hung app must not hang the
# benchmark); stops the benchmark with the log's end when the app exits or takes longer than SECONDS (60).
wait_ready() {
  local deadline=$((SECONDS + ${4:-60}))
  until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$1/health/ready"; do
    kill -0 "$2" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ] || { echo "the app did not become ready in ${4:-60} s"; tail -20 "$3"; exit 1; }
    sleep 1
  done
}

# stop PID: ends a process this script started (nothing when empty or already gone).
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }

# start_static_nginx PORT FILE PATH: a private nginx serving FILE's bytes at PATH (query strings are ignored, as
# nginx matches locations on the path). One worker (the app shares the same cores with wrk too), everything inside
# the scratch folder; keepalive_requests is raised so nginx, like Kestrel, keeps wrk's connections open for the whole
# run. The file is served through try_files, not alias: for "/" (a path ending in a slash) nginx's index module
# appends index.html to the alias ("page.htmlindex.html is not a directory") and answers 500, so the home page could
# not be served.
# Sets nginx_pid; stops the benchmark unless nginx serves exactly FILE's bytes.
start_static_nginx() {
  local port=$1 file=$2 path=$3 www="$scratch/www"
  mkdir -p "$www" "$scratch/nginx-tmp"
  cp "$file" "$www/page.html"
  # nginx workers drop to an unprivileged user when started as root: they must be able to reach the file.
  chmod 711 "$scratch"
  chmod 755 "$www"
  chmod 644 "$www/page.html"
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
    listen 127.0.0.1:$port;
    root $www;
    location = ${path%%\?*} { try_files /page.html =404; }
  }
}
EOF
  # -e: the log for messages before the config is read, so nginx never touches /var/log/nginx.
  "$nginx_bin" -c "$scratch/nginx.conf" -p "$scratch" -e "$scratch/nginx-error.log" >"$scratch/nginx.out" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 1 50); do curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$port$path" && break; sleep 0.1; done
  curl -sf --max-time 5 -o "$scratch/nginx-page.html" "http://127.0.0.1:$port$path" \
    || { echo "nginx did not serve the page"; cat "$scratch/nginx.out" "$scratch/nginx-error.log" 2>/dev/null; exit 1; }
  cmp -s "$file" "$scratch/nginx-page.html" || { echo "nginx serves different bytes than the app"; exit 1; }
}

# Milliseconds from a wrk duration such as 812.00us, 3.45ms or 1.02s.
to_ms() { awk -v v="$1" 'BEGIN {
  if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
  else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
  else { sub(/s$/, "", v); printf "%.3f", v * 1000 } }'; }

# measure NAME URL CONNECTIONS [WRK_ARGUMENTS...]: runs wrk (threads, duration) and sets rps, p50, p99 (ms) and
# errors ("none" or what wrk reported).
measure() {
  local out="$scratch/wrk-$1.txt"
  wrk -t"$threads" -c"$3" -d"${duration}s" --latency "${@:4}" "$2" >"$out" 2>&1 || { cat "$out"; exit 1; }
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

# ratio A B: A / B with three decimals (0 when B is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# Other work on the machine skews every target (the app more: it needs far more CPU per request). Say so.
report_machine_load() {
  local cores load
  cores=$(nproc)
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "machine: $cores cores, load average $load before the run"
  if awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l > c / 2) }'; then
    echo "warning: the machine is busy (load $load on $cores cores); numbers will be low and noisy"
  fi
}

# cpu_ticks_of PID...: the processes' CPU time together, in clock ticks (user and system).
cpu_ticks_of() { local sum=0 p; for p in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$sum"; }

# wait_settled SECONDS PID...: until the app processes are idle (together under a tenth of a core over two samples
# two seconds apart), at most SECONDS; prints how long it took. An app's start leaves work in the background (the
# network's terms for profiles written before they existed, the network's build after the first profile page): on
# kept sample data that is tens of seconds on a core, which a run would otherwise measure beside the requests.
wait_settled() {
  local limit=$1 started=$SECONDS quiet=0 before after
  shift
  before=$(cpu_ticks_of "$@")
  while [ $((SECONDS - started)) -lt "$limit" ]; do
    sleep 2
    after=$(cpu_ticks_of "$@")
    # Clock ticks are hundredths of a second: 20 in two seconds is a tenth of a core.
    if [ $((after - before)) -lt 20 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    before=$after
    if [ "$quiet" -ge 2 ]; then
      echo "the app settled: its background work was done after $((SECONDS - started)) s more"
      # The one-minute load average trails that work: up to 90 s more for it to come down, so that the run starts on a
      # machine as calm as this script can make it (report_machine_load says what it is).
      local calm_from=$SECONDS
      while [ $((SECONDS - calm_from)) -lt 90 ] && awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; do sleep 5; done
      return
    fi
  done
  echo "warning: the app was still busy in the background after $limit s; numbers will be low"
}
