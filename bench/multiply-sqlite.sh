#!/usr/bin/env bash
# Multiplies the sample profiles of a SQLite data folder made by `demo-data` into a larger one: each sample profile is
# copied (N-1) times with the rows search and the result cards read (the profile, its terms, its management team and
# its full-text document) under new ids, a numbered name and slug; partners, programmes, stories and network links stay
# with the originals (copying them tripled the time), so a copy's profile page shows fewer sections. The generator makes about 100 profiles a second on a shared machine, so a
# million would take hours; the copies keep the generator's model, validity and distributions (facets, sizes), and
# the numbered names keep slugs unique. Text searches find N times as many profiles per word as at the source size.
# Usage: bench/multiply-sqlite.sh SOURCE_FOLDER TARGET_FOLDER N      (the source is only read)
set -euo pipefail
source_dir=$1; target_dir=$2; times=$3
[ -f "$source_dir/clusteratlas.db" ] || { echo "no clusteratlas.db in $source_dir"; exit 1; }
mkdir -p "$target_dir"
sqlite3 "$source_dir/clusteratlas.db" ".backup '$target_dir/clusteratlas.db'"
db="$target_dir/clusteratlas.db"
columns() { sqlite3 "$db" "select group_concat('\"' || name || '\"', ',') from pragma_table_info('$1')"; }
# Each copy's columns: the id shifted, the profile's name and slug numbered, everything else as it was.
select_of() {
  local table=$1 shift_expr=$2
  sqlite3 "$db" "select group_concat(case
      when name = 'Id' then '\"Id\" + $shift_expr'
      when name in ('ClusterOrganisationId','ProfileId','PartnerProfileId') then '\"' || name || '\" + $shift_expr'
      when '$table' = 'ClusterOrganisations' and name = 'Name' then '\"Name\" || '' (copy '' || (:k + 1) || '')'''
      when '$table' = 'ClusterOrganisations' and name = 'Slug' then '\"Slug\" || ''-copy-'' || (:k + 1)'
      else '\"' || name || '\"' end, ',') from pragma_table_info('$table')"
}
profile_shift=$(sqlite3 "$db" "select max(Id) from ClusterOrganisations")
sql="PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-400000; BEGIN;"
for k in $(seq 1 $((times - 1))); do
  shift="$((k * profile_shift))"
  sql+="INSERT INTO ClusterOrganisations ($(columns ClusterOrganisations)) SELECT $(select_of ClusterOrganisations "$shift" | sed "s/:k/$k/g") FROM ClusterOrganisations WHERE IsSampleData = 1 AND Id <= $profile_shift;"
  sql+="INSERT INTO profile_search (rowid, names, body, original) SELECT s.rowid + $shift, s.names || ' copy ' || ($k + 1), s.body, s.original FROM profile_search s JOIN ClusterOrganisations p ON p.Id = s.rowid WHERE p.IsSampleData = 1 AND s.rowid <= $profile_shift;"
  sql+="INSERT INTO ProfileTerm ($(columns ProfileTerm)) SELECT $(select_of ProfileTerm "$shift") FROM ProfileTerm t WHERE t.ClusterOrganisationId <= $profile_shift AND t.ClusterOrganisationId IN (SELECT Id FROM ClusterOrganisations WHERE IsSampleData = 1);"
  for child in ManagementTeamMember; do
    child_shift=$(sqlite3 "$db" "select coalesce(max(Id),0) from $child")
    sql+="INSERT INTO $child ($(columns $child)) SELECT $(select_of $child "$k * $child_shift" | sed "s/\"ClusterOrganisationId\" + [^,]*/\"ClusterOrganisationId\" + $shift/") FROM $child WHERE Id <= $child_shift AND ClusterOrganisationId IN (SELECT Id FROM ClusterOrganisations WHERE IsSampleData = 1 AND Id <= $profile_shift);"
  done
done
sql+="COMMIT; PRAGMA journal_mode=WAL;"
sqlite3 "$db" "$sql"
# The sqlite_sequence rows follow the new maxima, so the app's next ids come after the copies.
sqlite3 "$db" "UPDATE sqlite_sequence SET seq = (SELECT max(Id) FROM ClusterOrganisations) WHERE name = 'ClusterOrganisations';
  UPDATE sqlite_sequence SET seq = (SELECT max(Id) FROM ManagementTeamMember) WHERE name = 'ManagementTeamMember';
  PRAGMA quick_check;" | tail -1
echo "profiles: $(sqlite3 "$db" "select count(*) from ClusterOrganisations"), text index: $(sqlite3 "$db" "select count(*) from profile_search")"
