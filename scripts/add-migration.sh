#!/usr/bin/env bash
# Adds a migration with the same name for every database provider, so that SQLite and PostgreSQL never drift apart.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/ClusterAtlas"
dotnet tool restore >/dev/null
dotnet build >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --context "${provider}ClusterAtlasDbContext" \
    --output-dir "Data/Migrations/$provider"
  # Build between providers so the second sees the first's files compiled in.
  dotnet build >/dev/null
done
rm -f design-time.db
