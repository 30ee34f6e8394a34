#!/usr/bin/env bash
# Runs every test of ClusterAtlas: installs what the tests need when it is missing, starts a throwaway
# PostgreSQL server on 127.0.0.1, then runs the whole suite once on SQLite and once on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

# --- What the tests need -------------------------------------------------------------------------
packages=()
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
[ -x /usr/bin/chromium ] || packages+=(chromium)   # the browser tests drive Debian's Chromium
if ((${#packages[@]})); then
  log "installing ${packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install: ${packages[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# Node tools of the tests (html-validate, axe-core), pinned by tests/tools/package-lock.json.
if [ ! -d tests/tools/node_modules ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules ]; then
  log "installing the Node test tools"
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# The front-end libraries the app serves are committed copies of pinned npm packages: check they still match.
log "checking the client libraries"
client_status=0
scripts/bundle-client.sh --check || client_status=1

# --- A private PostgreSQL server for this run ---------------------------------------------------
scratch=$(mktemp -d)
. scripts/private-postgres.sh
cleanup() { stop_private_postgres; rm -rf "$scratch"; }
trap cleanup EXIT
log "starting PostgreSQL"
start_private_postgres "$scratch/pg"
port=$PG_PORT

# --- Build once, test twice ---------------------------------------------------------------------
log "building"
dotnet build ClusterAtlas.slnx -nologo -v q -clp:ErrorsOnly

# Test hosts do not watch their configuration files: many hosts at once would exhaust the inotify instances.
export DOTNET_hostBuilder__reloadConfigOnChange=false

results="$scratch/results"
mkdir -p "$results"
status=$client_status
# run_suite NAME [VAR=value...] [-- extra dotnet test arguments]: in the background, its output kept for the end.
pids=()
run_suite() {
  local name=$1; shift
  local settings=() extra=()
  while (($#)) && [ "$1" != "--" ]; do settings+=("$1"); shift; done
  (($#)) && shift && extra=("$@")
  log "tests on $name (started $(date +%T))"
  env "${settings[@]}" dotnet test ClusterAtlas.slnx --no-build -nologo -v q --logger "trx;LogFilePrefix=$name" --results-directory "$results/$name" "${extra[@]}" >"$scratch/$name.log" 2>&1 &
  pids+=($!)
}
rm -rf artifacts/screenshots
# The two passes run side by side: much of a test's time is spent waiting (for mail, a browser, a server), and
# one after the other they took longer than the suite may.
run_suite sqlite CLUSTERATLAS_TEST_DATABASE=sqlite "CLUSTERATLAS_SCREENSHOTS=$root/artifacts/screenshots"
# The browser tests run once, in the SQLite pass: they test what the visitor sees, not the database; so do the
# long tests marked [Trait("Database", "none")], which touch none of the pass's databases (pure parsing, or a data
# folder of their own that is SQLite whatever the pass).
run_suite postgres CLUSTERATLAS_TEST_DATABASE=postgres "CLUSTERATLAS_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
  -- --filter "FullyQualifiedName!~ClusterAtlas.BrowserTests&Database!=none"
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
for name in sqlite postgres; do
  log "tests on $name (finished)"
  cat "$scratch/$name.log"
done

# --- One closing line for the whole run ---------------------------------------------------------
passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
log "the slowest tests"
node scripts/slowest-tests.mjs "$results"/*/*.trx || true
# The results stay for a look afterwards (the scratch folder goes).
rm -rf artifacts/test-results && mkdir -p artifacts/test-results && cp "$results"/*/*.trx artifacts/test-results/ 2>/dev/null || true
if [ "$failed" -gt 0 ]; then
  log "why the failed tests failed"
  node scripts/failed-tests.mjs "$results"/*/*.trx || true
fi
if [ "$passed" -eq 0 ]; then echo "test.sh: no test ran" >&2; status=1; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
