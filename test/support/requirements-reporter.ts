import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const ID = /\bR-[A-Z]+-\d+\b/g;
const root = path.resolve(import.meta.dirname, '..', '..');

/** Every requirement ID the project lists in docs/requirements.md, in order. */
export function listedRequirements(file = path.join(root, 'docs', 'requirements.md')): string[] {
  const ids: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!/^\s*(\||-)/.test(line)) continue;
    const [first] = line.match(ID) ?? [];
    if (first && !ids.includes(first)) ids.push(first);
  }
  return ids;
}

/**
 * Writes reports/requirements.json after every run: each requirement ID of docs/requirements.md
 * with the passing tests that cite it in their names. Ends with the plain "N passed, N failed" line.
 */
export default class RequirementsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const listed = listedRequirements();
    const coverage: Record<string, string[]> = Object.fromEntries(listed.map((id) => [id, []]));
    const unknown = new Set<string>();
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        if (state !== 'passed') continue;
        for (const id of new Set(test.fullName.match(ID) ?? [])) {
          if (coverage[id]) coverage[id].push(`[${test.project.name}] ${test.fullName}`);
          else unknown.add(id);
        }
      }
    }
    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
    fs.writeFileSync(path.join(root, 'reports', 'requirements.json'), `${JSON.stringify(coverage, null, 2)}\n`);
    const covered = listed.filter((id) => (coverage[id]?.length ?? 0) > 0).length;
    console.log(`\nRequirements: ${covered} of ${listed.length} cited by a passing test (reports/requirements.json; table: npm run req:coverage).`);
    if (unknown.size > 0) console.log(`Tests cite IDs missing from docs/requirements.md: ${[...unknown].join(', ')}`);
    console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
