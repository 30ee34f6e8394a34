# Sourced by test.sh and the benchmarks: a throwaway PostgreSQL server on 127.0.0.1 in a folder of its own.
#   start_private_postgres FOLDER   starts it (installing PostgreSQL with apt when missing) and sets PG_PORT
#   stop_private_postgres           stops it (call it from an EXIT trap)
#   resume_private_postgres FOLDER PORT   starts a stopped server of FOLDER again on PORT (a test's database restart)

pg_folder=""
pg_bin=""

find_postgres() { pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true); }

as_postgres_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_private_postgres() {
  pg_folder=$1
  find_postgres
  if [ ! -x "${pg_bin:-}/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then echo "PostgreSQL is missing: install the postgresql package (needs root)" >&2; return 1; fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    find_postgres
  fi
  mkdir -p "$pg_folder"
  # initdb refuses to run as root: the server runs as the postgres user, in a folder it owns.
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pg_folder"; chmod o+x "$(dirname "$pg_folder")"; fi
  PG_PORT=55432
  while (echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  as_postgres_user "$pg_bin/initdb" -D "$pg_folder/data" -A trust -U postgres -E UTF8 >"$pg_folder/initdb.log" 2>&1 \
    || { cat "$pg_folder/initdb.log" >&2; return 1; }
  start_server
}

start_server() {
  as_postgres_user "$pg_bin/pg_ctl" -D "$pg_folder/data" -w -l "$pg_folder/server.log" start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $pg_folder/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  export PG_PORT
}

resume_private_postgres() {
  pg_folder=$1
  PG_PORT=$2
  find_postgres
  start_server
}

stop_private_postgres() {
  [ -n "$pg_folder" ] && [ -d "$pg_folder/data" ] && as_postgres_user "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null 2>&1 || true
}
