#!/usr/bin/env node
// Prints reports/requirements.json (written by every `npm test`) as a table.
import fs from 'node:fs';

const file = new URL('../reports/requirements.json', import.meta.url);
if (!fs.existsSync(file)) {
  console.error('No reports/requirements.json yet: run `npm test` first.');
  process.exit(1);
}
const coverage = JSON.parse(fs.readFileSync(file, 'utf8'));
const ids = Object.keys(coverage);
const width = Math.max(...ids.map((id) => id.length));
for (const id of ids) {
  const tests = coverage[id];
  console.log(`${id.padEnd(width)}  ${tests.length === 0 ? '—' : `${tests.length} test${tests.length === 1 ? '' : 's'}`}`);
  for (const name of tests) console.log(`${' '.repeat(width)}    ${name}`);
}
const covered = ids.filter((id) => coverage[id].length > 0).length;
console.log(`\n${covered} of ${ids.length} requirements are cited by a passing test.`);
