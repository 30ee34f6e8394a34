#!/usr/bin/env node
// Prints the slowest tests of the given .trx files, so every run's last screen shows where the suite's time goes
// (the suite must stay under 15 minutes on a shared 2-core machine).
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const count = Number(process.env.SLOWEST_TESTS ?? 12);
const seconds = (duration) => duration.split(":").reduce((total, part) => total * 60 + Number(part), 0);

const results = [];
for (const file of process.argv.slice(2)) {
  const trx = readFileSync(file, "utf8");
  for (const match of trx.matchAll(/<UnitTestResult\b([^>]*)>/g)) {
    const name = /testName="([^"]*)"/.exec(match[1])?.[1];
    const duration = /duration="([^"]*)"/.exec(match[1])?.[1];
    if (name && duration) results.push({ name, seconds: seconds(duration), pass: basename(file).split("_")[0] });
  }
}
results.sort((a, b) => b.seconds - a.seconds);
for (const { name, seconds: s, pass } of results.slice(0, count)) {
  console.log(`${s.toFixed(1).padStart(7)} s  ${pass.padEnd(8)} ${name.replace(/^ClusterAtlas\./, "")}`);
}
