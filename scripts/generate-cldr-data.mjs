#!/usr/bin/env node
// Writes the CLDR data the app ships, from the npm packages pinned in tests/tools/package.json:
//   src/ClusterAtlas/Data/Seed/translations/countries.tsv  country names in Serbian (Latin) and German
//   src/ClusterAtlas/Data/Seed/country-languages.tsv       each country's main official language (ISO 639-1)
// for every country of Data/Seed/countries.tsv.
// Usage: node scripts/generate-cldr-data.mjs          (writes the files)
//        node scripts/generate-cldr-data.mjs --check  (exits 1 when a shipped file differs from the packages)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "tests", "tools", "package.json"));
const seed = path.join(root, "src", "ClusterAtlas", "Data", "Seed");
const cldrVersion = require("cldr-localenames-full/package.json").version;

const codes = readFileSync(path.join(seed, "countries.tsv"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => line.split("\t")[0]);

function territories(locale) {
  return require(`cldr-localenames-full/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
}

function countryNames() {
  const serbian = territories("sr-Latn");
  const german = territories("de");
  const lines = [`# ISO 3166-1 alpha-2 code, name in Serbian (Latin script), name in German: CLDR ${cldrVersion}, written by scripts/generate-cldr-data.mjs; do not edit by hand.`];
  for (const code of codes) {
    if (!serbian[code] || !german[code]) {
      throw new Error(`CLDR has no name for ${code}`);
    }
    lines.push([code, serbian[code], german[code]].join("\t"));
  }
  return lines.join("\n") + "\n";
}

// The language a country's organisations most likely write their local names in: the official (or de facto
// official) language with the most speakers; where CLDR records none, the most spoken one. Only languages with
// an ISO 639-1 code count, since the profile records a two-letter code.
function countryLanguages() {
  const info = require("cldr-core/supplemental/territoryInfo.json").supplemental.territoryInfo;
  const lines = [`# ISO 3166-1 alpha-2 code, the country's main official language (ISO 639-1): CLDR ${cldrVersion} territory information, written by scripts/generate-cldr-data.mjs; do not edit by hand.`];
  for (const code of codes) {
    const languages = Object.entries(info[code]?.languagePopulation ?? {})
      .map(([tag, data]) => ({
        language: tag.split("_")[0],
        official: data._officialStatus === "official" || data._officialStatus === "de_facto_official",
        share: Number(data._populationPercent ?? 0),
      }))
      .filter((l) => /^[a-z]{2}$/.test(l.language));
    const pool = languages.some((l) => l.official) ? languages.filter((l) => l.official) : languages;
    pool.sort((a, b) => b.share - a.share || a.language.localeCompare(b.language));
    if (pool.length > 0) {
      lines.push(`${code}\t${pool[0].language}`);
    }
  }
  return lines.join("\n") + "\n";
}

const files = [
  [path.join(seed, "translations", "countries.tsv"), countryNames()],
  [path.join(seed, "country-languages.tsv"), countryLanguages()],
];

if (process.argv.includes("--check")) {
  let stale = false;
  for (const [file, expected] of files) {
    let actual = "";
    try {
      actual = readFileSync(file, "utf8");
    } catch {
      // a missing file is reported as stale below
    }
    if (actual !== expected) {
      console.error(`${path.relative(root, file)} differs from the CLDR packages: run node scripts/generate-cldr-data.mjs`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
} else {
  for (const [file, content] of files) {
    writeFileSync(file, content);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
