#!/usr/bin/env bash
# Lighthouse scores of the pages visitors land on: home, directory, profile.
# Publishes the app in Release, serves it on 127.0.0.1 with a fresh data folder (demo profile loaded), runs
# Lighthouse 12 (its default: a mid-range phone on a slow 4G link, simulated) against Debian's Chromium, prints
# a table and, last, the lowest score of each category over the pages:
#   lighthouse perf=.. a11y=.. bp=.. seo=..
# Reports stay in bench/lighthouse/reports/ (HTML and JSON, one per page).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tool="$root/bench/lighthouse"
reports="$tool/reports"

[ -x /usr/bin/chromium ] || { echo "lighthouse.sh: needs Debian's chromium (apt-get install -y chromium)" >&2; exit 1; }
if [ ! -d "$tool/node_modules/lighthouse" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules" ]; then
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi

scratch=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "== publishing the app (Release)"
dotnet publish src/ClusterAtlas/ClusterAtlas.csproj -c Release -o "$scratch/app" -nologo -v q -clp:ErrorsOnly >/dev/null

port=5600
while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base="http://127.0.0.1:$port"
echo "== serving on $base"
# HOME points into the scratch folder: the app's data-protection keys and Chromium's files stay there.
(cd "$scratch/app" && HOME="$scratch" ASPNETCORE_ENVIRONMENT=Production ClusterAtlas__DataDirectory="$scratch/data" \
  Logging__LogLevel__Default=Warning exec dotnet ClusterAtlas.dll --urls "$base") >"$scratch/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health/ready" >/dev/null || { echo "the app did not get ready" >&2; cat "$scratch/app.log"; exit 1; }
# Warm up: the first requests compile views and fill caches; Lighthouse should see a running site.
for path in / /cluster-organisations /cluster-organisations/vojvodina-metal-cluster; do
  for _ in 1 2 3; do curl -fsS -o /dev/null "$base$path"; done
done

pages=(home:/ directory:/cluster-organisations profile:/cluster-organisations/vojvodina-metal-cluster)
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
mkdir -p "$reports"
for entry in "${pages[@]}"; do
  name=${entry%%:*}; path=${entry#*:}
  echo "== lighthouse $path"
  CHROME_PATH=/usr/bin/chromium TMPDIR="$scratch" HOME="$scratch" "$tool/node_modules/.bin/lighthouse" "$base$path" \
    --chrome-flags="$flags" --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$reports/$name" --quiet
done

node - "$reports" "${pages[@]}" <<'EOF'
const fs = require('fs');
const [reports, ...pages] = process.argv.slice(2);
const keys = [['performance', 'perf'], ['accessibility', 'a11y'], ['best-practices', 'bp'], ['seo', 'seo']];
const min = Object.fromEntries(keys.map(([, k]) => [k, 100]));
const rows = [];
for (const entry of pages) {
  const [name, path] = entry.split(/:(.*)/s);
  const report = JSON.parse(fs.readFileSync(`${reports}/${name}.report.json`, 'utf8'));
  const scores = keys.map(([id, k]) => { const s = Math.round(report.categories[id].score * 100); min[k] = Math.min(min[k], s); return s; });
  const bytes = report.audits['total-byte-weight'].numericValue;
  const failing = Object.values(report.audits)
    .filter(a => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
    .map(a => a.id);
  rows.push([path, ...scores, `${(bytes / 1024).toFixed(1)} KB`, failing.join(' ') || '-']);
}
const header = ['page', 'perf', 'a11y', 'bp', 'seo', 'weight', 'audits below 90'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
console.log(`lighthouse perf=${min.perf} a11y=${min.a11y} bp=${min.bp} seo=${min.seo}`);
EOF
