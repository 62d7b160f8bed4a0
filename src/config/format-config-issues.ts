import type { ConfigIssue } from './load-config.ts';

/** Renders configuration problems as a list an operator can read in a terminal. */
export function formatConfigIssues(issues: ConfigIssue[]): string {
  const lines = [`Besttrav cannot start: ${issues.length} configuration problem${issues.length === 1 ? '' : 's'}.`, ''];
  for (const issue of issues) {
    lines.push(`  ✗ ${issue.variable}: ${issue.problem}`);
    lines.push(`    fix: ${issue.fix}`);
  }
  lines.push('', 'Every variable is described in the README (Configuration) and by `npx besttrav config:docs`.');
  return lines.join('\n');
}
