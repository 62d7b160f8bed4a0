import { isAppError } from '../errors/app-error.ts';
import { formatConfigIssues } from '../config/format-config-issues.ts';
import type { ConfigIssue } from '../config/load-config.ts';

/**
 * Runs a CLI command and turns failures into a message for a person and exit code 1 — never a stack
 * trace for an expected failure (bad configuration, unreachable database, failed migration).
 */
export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.exitCode = 1;
    console.error(describeFailure(error));
  }
}

export function describeFailure(error: unknown): string {
  if (!isAppError(error)) {
    // An unexpected failure: here the stack is the most useful thing to report.
    return `Besttrav failed unexpectedly:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  if (error.code === 'config_invalid') return formatConfigIssues(error.details.issues as ConfigIssue[]);
  if (error.errors.length > 0) return `Besttrav refused: ${error.message}\n${error.errors.map((e) => `  ✗ ${e.pointer}: ${e.detail}`).join('\n')}`;
  const reason = typeof error.details.reason === 'string' ? `\n  reason: ${error.details.reason}` : '';
  return `Besttrav cannot continue: ${error.userMessage('en')}${reason}\n  (${error.userMessage('zh-CN')})`;
}
