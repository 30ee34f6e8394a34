#!/usr/bin/env bash
# Load benchmark: the public pages under wrk at BENCH_PROFILES (100,000) sample profiles, on SQLite and on PostgreSQL
# (BENCH_DATABASES), each beside nginx serving the profile page's bytes as a static file on the same machine.
# Per database two app processes run on the same data: one as configured (public pages in the output cache) and one
# with ClusterAtlas__OutputCache__Enabled=false, so every request renders. Targets, each at every number of
# connections in BENCH_CONNECTIONS ("64 256"):
#   profile   one profile page, from the output cache (what an anonymous reader gets)
#   uncached  the same page rendered on every request
#   search    the directory's search page for BENCH_QUERY, past the output cache; the app keeps each search's
#             counts and first ranked matches for the directory's current state, so this is a popular search
#   varied    the directory's search page, each request another search (words of the sector names with and
#             without a country, and country and sector filters: more searches than the app keeps), past the
#             output cache: what searches cost when they are computed
#   api       the API's directory search for BENCH_QUERY, uncached
#   nginx     the profile page's bytes as a static file
# Data: SQLite from bench/.data/export-sqlite-N (made by export.sh and reused; made here when missing), copied for
# the run so the kept copy is never changed (BENCH_SQLITE_DATA names another such folder, only read); PostgreSQL in
# bench/.data/load-postgres-N, generated once with `demo-data --count` (about 20 minutes at 100,000) and reused, its
# server started for the run.
# The last line, for the first database at the last number of connections:
#   load page_rps=.. nginx_rps=.. ratio=.. uncached_ratio=.. p99_ms=.. search_rps=.. repeat_search_rps=.. api_search_rps=..
# (ratio = cached profile page / nginx requests per second; p99 of the cached page; search_rps the varied searches',
# repeat_search_rps the one search's).
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=${BENCH_PROFILES:-100000}
databases=${BENCH_DATABASES:-sqlite postgres}
query=${BENCH_QUERY:-energy}
warmup=${BENCH_WARMUP:-5}
# The varied searches run through more code than the other targets, and .NET's tiered compilation takes about a
# minute to optimise it on two busy cores (decision record 0033, "The connection pool"). They get a warm-up of their own.
varied_warmup=${BENCH_VARIED_WARMUP:-60}
duration=${BENCH_DURATION:-10}
threads=${BENCH_THREADS:-2}
connection_counts=${BENCH_CONNECTIONS:-64 256}
keep="bench/.data"
mkdir -p "$keep"

scratch=$(mktemp -d)
app_pid=""
uncached_pid=""
nginx_pid=""
. bench/lib.sh
. scripts/private-postgres.sh
cleanup() {
  stop "$app_pid"
  stop "$uncached_pid"
  stop "$nginx_pid"
  stop_private_postgres
  rm -rf "$scratch"
}
trap cleanup EXIT

# wrk_script TARGET: the varied searches' request script and path list; nothing for the other targets.
wrk_script() { [ "$1" = varied ] && echo "-s bench/varied-paths.lua" || true; }
export WRK_PATHS  # read by bench/varied-paths.lua

bench_tools
bench_build_app
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ClusterAtlas__DemoSampleProfiles=0
# wrk is one client sending thousands of requests a second: no per-minute API limit in the way.
export ClusterAtlas__Api__RequestsPerMinute=1000000000

# generate DB FOLDER: sample profiles into the database the environment names; FOLDER/ready marks a finished run.
generate() {
  echo "generating $profiles sample profiles on $1 (once; kept in $2) ..."
  local start=$SECONDS
  dotnet "$app" demo-data --count "$profiles" >"$scratch/demo-$1.log" 2>&1 || { tail -20 "$scratch/demo-$1.log"; exit 1; }
  echo "  took $((SECONDS - start)) s"
  touch "$2/ready"
}

# start_app NAME PORT [SETTING=VALUE ...]: the app on the database of the environment; sets started_pid.
start_app() {
  local name=$1 port=$2
  shift 2
  env "$@" dotnet "$app" --urls "http://127.0.0.1:$port" >"$scratch/$name.log" 2>&1 &
  started_pid=$!
  # At 100,000 profiles the directory snapshot is built before the app is ready.
  wait_ready "$port" "$started_pid" "$scratch/$name.log" 600
}

table="$scratch/table.txt"
summary=""
for db in $databases; do
  if [ "$db" = postgres ]; then
    data="$keep/load-postgres-$profiles"
    if [ ! -f "$data/ready" ]; then
      rm -rf "$data"
      mkdir -p "$data"
      start_private_postgres "$(realpath "$data")/pg"
      fresh=1
    else
      PG_PORT=55432
      while (echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
      resume_private_postgres "$(realpath "$data")/pg" "$PG_PORT"
      fresh=0
    fi
    export ClusterAtlas__Database=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export ClusterAtlas__DataDirectory="$data/data"
    [ "$fresh" = 1 ] && generate postgres "$data"
  else
    unset ClusterAtlas__Database ConnectionStrings__Default
    kept="${BENCH_SQLITE_DATA:-$keep/export-sqlite-$profiles}"
    # A folder named by BENCH_SQLITE_DATA is only ever read.
    if [ -n "${BENCH_SQLITE_DATA:-}" ] && [ ! -f "$kept/ready" ]; then echo "$kept has no finished sample data (no ready file)"; exit 1; fi
    if [ ! -f "$kept/ready" ]; then
      rm -rf "$kept"
      export ClusterAtlas__DataDirectory="$kept"
      generate sqlite "$kept"
    fi
    # A copy: the app writes to its database (keys, the network's matching), the kept one stays as generated.
    cp -r "$kept" "$scratch/sqlite"
    export ClusterAtlas__DataDirectory="$scratch/sqlite"
  fi

  app_port=$(free_port)
  uncached_port=$(free_port "$app_port")
  nginx_port=$(free_port "$app_port" "$uncached_port")
  start_app "app-$db" "$app_port"
  app_pid=$started_pid
  start_app "uncached-$db" "$uncached_port" ClusterAtlas__OutputCache__Enabled=false
  uncached_pid=$started_pid

  # The first profile the API lists: a generated one, with the blocks a profile page has at this size.
  api="http://127.0.0.1:$app_port/api/v1/cluster-organisations"
  slug=$(curl -sf --max-time 300 "$api?pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["slug"])')
  path="/cluster-organisations/$slug"
  # The first render at this size builds what the page reads (and a busy machine is slow): minutes, not seconds.
  curl -sf --max-time 300 -o "$scratch/page.html" "http://127.0.0.1:$app_port$path" || { echo "GET $path failed on the app"; tail -20 "$scratch/app-$db.log"; exit 1; }
  start_static_nginx "$nginx_port" "$scratch/page.html" "$path"
  found=$(curl -sf --max-time 300 "$api?q=$query&pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
  # The varied searches: from the directory's own facets, shuffled the same way every run.
  curl -sf --max-time 300 "$api?pageSize=1" | python3 -c '
import json, random, re, sys
facets = json.load(sys.stdin)["facets"]
countries = [v["value"] for v in facets["country"]][:20]
sectors = [v["value"] for v in facets["sector"]]
words = sorted({w.lower() for v in facets["sector"] + facets["technology"] for w in re.findall(r"[A-Za-z]{4,}", v["label"])} - {"and", "other", "with"})
paths = [f"/cluster-organisations?q={w}" for w in words]
paths += [f"/cluster-organisations?q={w}&country={c}" for w in words for c in countries]
paths += [f"/cluster-organisations?country={c}&sector={s}" for c in countries for s in sectors]
random.Random(7).shuffle(paths)
print("\n".join(paths))' >"$scratch/varied-paths.txt"
  varied_count=$(wc -l <"$scratch/varied-paths.txt")
  WRK_PATHS="$scratch/varied-paths.txt"

  declare -A urls=(
    [profile]="http://127.0.0.1:$app_port$path"
    [uncached]="http://127.0.0.1:$uncached_port$path"
    [search]="http://127.0.0.1:$uncached_port/cluster-organisations?q=$query"
    [varied]="http://127.0.0.1:$uncached_port/cluster-organisations"
    [api]="http://127.0.0.1:$uncached_port/api/v1/cluster-organisations?q=$query"
    [nginx]="http://127.0.0.1:$nginx_port$path"
  )
  for target in profile uncached search api; do
    curl -sf --max-time 300 -o /dev/null "${urls[$target]}" || { echo "GET ${urls[$target]} failed"; tail -20 "$scratch/app-$db.log" "$scratch/uncached-$db.log"; exit 1; }
  done
  wait_settled 600 "$app_pid" "$uncached_pid"
  echo "$db: $profiles profiles; page $path ($(stat -c %s "$scratch/page.html") bytes); search \"$query\" finds $found;" \
    "$varied_count varied searches;" \
    "wrk -t$threads -c{$connection_counts} -d${duration}s, warm-up ${warmup}s each (varied ${varied_warmup}s)"
  report_machine_load
  # Warm-up: JIT (tiered compilation), EF Core query caches and connection pools settle before anything is measured.
  for target in profile uncached search varied api nginx; do
    wrk -t"$threads" -c"${connection_counts%% *}" -d"$([ "$target" = varied ] && echo "$varied_warmup" || echo "$warmup")s" $(wrk_script "$target") "${urls[$target]}" >/dev/null 2>&1
  done

  for connections in $connection_counts; do
    declare -A got_rps=() got_p50=() got_p99=() got_errors=() got_load=()
    for target in profile uncached search varied api nginx; do
      # shellcheck disable=SC2046
      measure "$db-$target-$connections" "${urls[$target]}" "$connections" $(wrk_script "$target")
      got_rps[$target]=$rps got_p50[$target]=$p50 got_p99[$target]=$p99 got_errors[$target]=$errors
      got_load[$target]=$(cut -d' ' -f1 /proc/loadavg)
    done
    for target in profile uncached search varied api nginx; do
      printf '%-8s | %-8s | %5s | %10s | %8.2f | %8.2f | %6s | %5s | %s\n' "$db" "$target" "$connections" "${got_rps[$target]}" \
        "${got_p50[$target]}" "${got_p99[$target]}" "$(ratio "${got_rps[$target]}" "${got_rps[nginx]}")" "${got_load[$target]}" "${got_errors[$target]}" >>"$table"
    done
    line=$(printf 'page_rps=%s nginx_rps=%s ratio=%s uncached_ratio=%s p99_ms=%.2f search_rps=%s repeat_search_rps=%s api_search_rps=%s' \
      "${got_rps[profile]}" "${got_rps[nginx]}" "$(ratio "${got_rps[profile]}" "${got_rps[nginx]}")" \
      "$(ratio "${got_rps[uncached]}" "${got_rps[nginx]}")" "${got_p99[profile]}" "${got_rps[varied]}" "${got_rps[search]}" "${got_rps[api]}")
    summary="${summary}load-$db c$connections $line"$'\n'
  done
  [ -n "${first_line:-}" ] || first_line=$line

  stop "$app_pid"; app_pid=""
  stop "$uncached_pid"; uncached_pid=""
  stop "$nginx_pid"; nginx_pid=""
  [ "$db" = postgres ] && stop_private_postgres
  rm -rf "$scratch/sqlite" "$scratch/www"
done

echo
printf '%-8s | %-8s | %5s | %10s | %8s | %8s | %6s | %5s | %s\n' database target conns "requests/s" "p50 ms" "p99 ms" ratio load errors
printf '%-8s-+-%-8s-+-%5s-+-%10s-+-%8s-+-%8s-+-%6s-+-%5s-+-%s\n' -------- -------- ----- ---------- -------- -------- ------ ----- ------
cat "$table"
echo
echo "ratio = requests/s / nginx's in the same round; load = the 1-minute load average after the run"
printf '%s' "$summary"
echo "load $first_line"
