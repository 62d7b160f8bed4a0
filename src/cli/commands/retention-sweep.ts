import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { runRetentionSweep } from '../../privacy/retention/run-retention-sweep.ts';

/** `besttrav retention:sweep [--dry-run]`: what the nightly job does, on demand, with progress per table. */
export async function retentionSweepCommand(options: { dryRun?: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const dryRun = options.dryRun === true;
  try {
    console.log(dryRun ? 'Retention sweep (dry run: counting only)…' : 'Retention sweep…');
    const { reports } = await runRetentionSweep(systemCtx('cli.retention-sweep', 'legal_obligation'), database.db, {
      dryRun,
      onProgress: (report) =>
        console.log(
          `  ${report.table.padEnd(18)} ${report.rule.padEnd(22)} ${dryRun ? 'would ' : ''}${report.action === 'delete' ? 'delete' : 'anonymise'} ${report.removed}` +
            (report.held > 0 ? `, ${report.held} kept by legal holds` : ''),
        ),
    });
    const total = reports.reduce((sum, report) => sum + report.removed, 0);
    const held = reports.reduce((sum, report) => sum + report.held, 0);
    console.log(`${dryRun ? 'Would delete or anonymise' : 'Deleted or anonymised'} ${total} row${total === 1 ? '' : 's'} past retention${held > 0 ? `; ${held} kept by legal holds` : ''}.`);
  } finally {
    await database.close();
  }
}
