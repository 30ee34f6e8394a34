// html-validate kept running for a whole test process: the tests send it one file name per line and read one JSON
// answer per line, so the validator starts once instead of once per page (a Node start and the rule set's loading
// cost about a second each time, which was minutes of the suite). Same rules and text report as the command line.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";

const [configFile] = process.argv.slice(2);
const validator = new HtmlValidate(new FileSystemConfigLoader(JSON.parse(readFileSync(configFile, "utf8"))));
const textReport = formatterFactory("text");

for await (const line of createInterface({ input: process.stdin })) {
  const { id, file } = JSON.parse(line);
  let answer;
  try {
    const report = await validator.validateFile(file);
    answer = { id, valid: report.valid, report: report.valid ? "" : textReport(report.results) };
  } catch (error) {
    answer = { id, valid: false, report: `html-validate failed: ${error?.stack ?? error}` };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
