import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { verifyAudit } from '../../privacy/audit/verify-audit.ts';
import { keyringFromConfig } from '../../privacy/crypto/keyring.ts';

/** `besttrav audit:verify`: checks every hash chain of the audit log and names the first broken entry of each. */
export async function auditVerifyCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    let lastReport = 0;
    const result = await verifyAudit(database.db, keyringFromConfig(config), (checked) => {
      if (checked - lastReport < 50_000) return;
      lastReport = checked;
      process.stdout.write(`  checked ${checked.toLocaleString('en')} entries…\n`);
    });
    if (result.isIntact) {
      console.log(`Audit log intact: ${result.entries.toLocaleString('en')} entries verified.`);
      return;
    }
    process.exitCode = 1;
    console.error(`Audit log BROKEN (${result.entries.toLocaleString('en')} entries read):`);
    for (const problem of result.problems) console.error(`  ✗ chain ${problem.chain}, entry ${problem.seq}: ${problem.kind}`);
  } finally {
    await database.close();
  }
}
