#!/usr/bin/env bash
# Copies the front-end libraries' distributed files from npm (src/ClusterAtlas/Client, pinned by its
# package-lock.json) into src/ClusterAtlas/wwwroot/lib, where the app serves them. The copies are committed, so
# `dotnet run` needs no Node.js and nothing is fetched at run time (docs/decisions/0014-client-libraries.md).
#   scripts/bundle-client.sh          install the pinned packages and refresh wwwroot/lib
#   scripts/bundle-client.sh --check  fail if wwwroot/lib differs from the pinned packages (test.sh runs this)
set -euo pipefail
cd "$(dirname "$0")/../src/ClusterAtlas"
check=false; [ "${1:-}" = "--check" ] && check=true

(cd Client && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# package/file-in-package  ->  lib/<package>/<file name>
files=(
  leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE
  leaflet/dist/images/layers.png leaflet/dist/images/layers-2x.png
  leaflet/dist/images/marker-icon.png leaflet/dist/images/marker-icon-2x.png leaflet/dist/images/marker-shadow.png
  leaflet.markercluster/dist/leaflet.markercluster.js leaflet.markercluster/dist/MarkerCluster.css
  leaflet.markercluster/dist/MarkerCluster.Default.css leaflet.markercluster/MIT-LICENCE.txt
  topojson-client/dist/topojson-client.min.js topojson-client/LICENSE
  world-atlas/countries-50m.json world-atlas/LICENSE
  chart.js/dist/chart.umd.min.js chart.js/LICENSE.md
  cytoscape/dist/cytoscape.min.js cytoscape/LICENSE
)

staging=$(mktemp -d); trap 'rm -rf "$staging"' EXIT
for f in "${files[@]}"; do
  package=${f%%/*}; name=${f##*/}
  case $f in */images/*) target="$staging/$package/images/$name" ;; *) target="$staging/$package/$name" ;; esac
  mkdir -p "$(dirname "$target")"
  cp "Client/node_modules/$f" "$target"
done
# Source-map comments point at files we do not ship; browsers would ask for them.
find "$staging" -type f -name '*.js' -exec sed -i '/^\/\/# sourceMappingURL=/d' {} +

if $check; then
  if ! diff -r "$staging" wwwroot/lib >/dev/null 2>&1; then
    echo "wwwroot/lib differs from the npm packages in src/ClusterAtlas/Client: run scripts/bundle-client.sh and commit" >&2
    diff -rq "$staging" wwwroot/lib >&2 || true
    exit 1
  fi
  echo "client libraries match their npm packages"
else
  rm -rf wwwroot/lib && cp -r "$staging" wwwroot/lib
  echo "wwwroot/lib refreshed from npm"
fi
