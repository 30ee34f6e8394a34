#!/usr/bin/env bash
# Multiplies the sample profiles of a PostgreSQL benchmark folder (SOURCE/pg: a stopped server's folder, as load.sh
# keeps in bench/.data/load-postgres-N) into a larger one, as multiply-sqlite.sh does for SQLite: each sample profile
# is copied (N-1) times with the rows search and the result cards read (the profile, its terms, its management team
# and its full-text document) under new ids, a numbered name and slug; partners, programmes, stories and network
# links stay with the originals. The source's server folder is copied while no server runs on it (the source is only
# read), the copy's server is started, the copies are made in SQL and the identity sequences follow the new maxima.
# TARGET gets `pg` (the server's folder, stopped at the end) and an empty `data` (the app's data folder). N=1 is a
# plain copy. The caller marks a finished folder (TARGET/ready).
# Usage: bench/multiply-postgres.sh SOURCE_FOLDER TARGET_FOLDER N
set -euo pipefail
source_dir=$(realpath "$1"); target_dir=$(realpath -m "$2"); times=$3
cd "$(dirname "$0")/.."
[ -f "$source_dir/pg/data/PG_VERSION" ] || { echo "no PostgreSQL server folder in $source_dir/pg"; exit 1; }
# A running server's files change under the copy: refuse rather than copy a torn database.
[ ! -e "$source_dir/pg/data/postmaster.pid" ] || { echo "a server runs on $source_dir/pg (postmaster.pid): stop it first"; exit 1; }
[ ! -e "$target_dir" ] || { echo "$target_dir exists"; exit 1; }
mkdir -p "$target_dir/data"
cp -a "$source_dir/pg" "$target_dir/pg"

. scripts/private-postgres.sh
trap stop_private_postgres EXIT
port=55432
while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
resume_private_postgres "$target_dir/pg" "$port"
sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -qAt "$@"; }

# Each copy's columns: ids shifted by k times the source's largest, the profile's name and slug numbered, the rest as
# it was. Columns come from the catalogue (mixed-case names quoted).
select_of() {
  local table=$1 id_shift=$2 profile_shift=$3
  sql -c "SELECT string_agg(CASE
      WHEN column_name = 'Id' THEN '\"Id\" + k * $id_shift'
      WHEN column_name = 'ClusterOrganisationId' THEN '\"ClusterOrganisationId\" + k * $profile_shift'
      WHEN '$table' = 'ClusterOrganisations' AND column_name = 'Name' THEN '\"Name\" || '' (copy '' || (k + 1) || '')'''
      WHEN '$table' = 'ClusterOrganisations' AND column_name = 'Slug' THEN '\"Slug\" || ''-copy-'' || (k + 1)'
      WHEN '$table' = 'ClusterOrganisations' AND column_name = 'ConcurrencyToken' THEN 'gen_random_uuid()'
      ELSE quote_ident(column_name) END, ',' ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$table' AND is_generated = 'NEVER'"
}
columns() {
  sql -c "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$1' AND is_generated = 'NEVER'"
}

if [ "$times" -gt 1 ]; then
  profile_shift=$(sql -c 'SELECT max("Id") FROM "ClusterOrganisations"')
  team_shift=$(sql -c 'SELECT coalesce(max("Id"), 0) FROM "ManagementTeamMember"')
  copies="CROSS JOIN generate_series(1, $((times - 1))) AS k"
  samples="SELECT \"Id\" FROM \"ClusterOrganisations\" WHERE \"IsSampleData\" AND \"Id\" <= $profile_shift"
  # One transaction. The copies' references hold by construction, so foreign keys are not checked row by row
  # (session_replication_role), and the text index is built once at the end rather than grown by 900,000 inserts.
  sql <<SQL
SET maintenance_work_mem = '1GB';
BEGIN;
SET LOCAL session_replication_role = replica;
DROP INDEX profile_search_document;
INSERT INTO "ClusterOrganisations" ($(columns ClusterOrganisations)) OVERRIDING SYSTEM VALUE
  SELECT $(select_of ClusterOrganisations "$profile_shift" "$profile_shift") FROM "ClusterOrganisations" $copies
  WHERE "Id" IN ($samples);
INSERT INTO profile_search (profile_id, document, original)
  SELECT profile_id + k * $profile_shift, document || setweight(to_tsvector('english', 'copy ' || (k + 1)), 'A'), original
  FROM profile_search $copies WHERE profile_id IN ($samples);
INSERT INTO "ProfileTerm" ($(columns ProfileTerm))
  SELECT $(select_of ProfileTerm 0 "$profile_shift") FROM "ProfileTerm" $copies WHERE "ClusterOrganisationId" IN ($samples);
INSERT INTO "ManagementTeamMember" ($(columns ManagementTeamMember)) OVERRIDING SYSTEM VALUE
  SELECT $(select_of ManagementTeamMember "$team_shift" "$profile_shift") FROM "ManagementTeamMember" $copies
  WHERE "Id" <= $team_shift AND "ClusterOrganisationId" IN ($samples);
CREATE INDEX profile_search_document ON profile_search USING GIN (document);
-- The app's next ids come after the copies.
SELECT setval(pg_get_serial_sequence('"ClusterOrganisations"', 'Id'), (SELECT max("Id") FROM "ClusterOrganisations"));
SELECT setval(pg_get_serial_sequence('"ManagementTeamMember"', 'Id'), (SELECT max("Id") FROM "ManagementTeamMember"));
COMMIT;
SQL
  sql -c "VACUUM ANALYZE" -c "CHECKPOINT"
fi
echo "profiles: $(sql -c 'SELECT count(*) FROM "ClusterOrganisations"'), published: $(sql -c "SELECT count(*) FROM \"ClusterOrganisations\" WHERE \"Status\" = 'Published'"), text index: $(sql -c 'SELECT count(*) FROM profile_search')"
