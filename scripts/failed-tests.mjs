#!/usr/bin/env node
// Prints each failed test of the given .trx files with the first lines of its message and stack, so a run's
// last screen says why it failed (the quiet console logger prints only the failed tests' names).
import { readFileSync } from "node:fs";

const maxLines = 12;
const maxOutputLines = 8;
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#xD;/g, "").replace(/&#xA;/g, "\n").replace(/&amp;/g, "&");

for (const file of process.argv.slice(2)) {
  const trx = readFileSync(file, "utf8");
  // Passed results may be self-closing: match those whole so a failed result's body is never taken for theirs.
  for (const match of trx.matchAll(/<UnitTestResult\b([^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    const [, attributes, body = ""] = match;
    if (!/outcome="(Failed|Error)"/.test(attributes)) continue;
    const name = unescape(/testName="([^"]*)"/.exec(attributes)?.[1] ?? "?");
    const message = unescape(/<Message>([\s\S]*?)<\/Message>/.exec(body)?.[1] ?? "");
    const stack = unescape(/<StackTrace>([\s\S]*?)<\/StackTrace>/.exec(body)?.[1] ?? "");
    // The message whole when it is long (an assertion's own list of what went wrong), then where, then the last lines
    // the test wrote (its steps and timings).
    const messageLines = message.trim().split("\n");
    const lines = [...messageLines.slice(0, Math.max(maxLines, 40)), ...stack.trim().split("\n").filter((l) => l.includes("ClusterAtlas")).slice(0, 3)];
    const output = unescape(/<StdOut>([\s\S]*?)<\/StdOut>/.exec(body)?.[1] ?? "").trim().split("\n").filter(Boolean).slice(-maxOutputLines);
    console.log(`FAILED ${name}`);
    for (const line of lines.slice(0, messageLines.length > maxLines ? 43 : maxLines)) console.log(`    ${line.trimEnd().slice(0, 2000)}`);
    if (output.length > 0) {
      console.log("    its output, last lines:");
      for (const line of output) console.log(`      ${line.trimEnd().slice(0, 500)}`);
    }
  }
}
