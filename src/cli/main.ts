import { Command } from 'commander';
import { version } from '../shared/version.ts';
import { configCheckCommand } from './commands/config-check.ts';
import { configDocsTable } from './commands/config-docs.ts';
import { dbResetCommand } from './commands/db-reset.ts';
import { migrateCommand } from './commands/migrate.ts';
import { startCommand } from './commands/start.ts';
import { runCommand } from './run-command.ts';
import { staffCreateCommand, type StaffCreateOptions } from './commands/staff-create.ts';
import { staffRoles } from '../modules/staff/roles.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { privacyDataMapCommand } from './commands/privacy-data-map.ts';
import { retentionSweepCommand } from './commands/retention-sweep.ts';
import { keysRotateCommand } from './commands/keys-rotate.ts';
import { marketingCampaignsCommand } from './commands/marketing-campaigns.ts';
import { catalogueSeedDemoCommand } from './commands/catalogue-seed-demo.ts';

const program = new Command()
  .name('besttrav')
  .description('Besttrav insurance brokerage platform. Configuration comes from environment variables (see config:docs).')
  .version(version);

program
  .command('start')
  .description('Serve the platform: migrate the database, start jobs, serve the API and the web app')
  .option('--no-build', 'do not build the web app even if it is missing or stale')
  .action((options: { build: boolean }) => runCommand(() => startCommand(options)));

program
  .command('migrate')
  .description('Apply pending database migrations (forward only)')
  .action(() => runCommand(migrateCommand));

program
  .command('db:reset')
  .description('Delete every record and migrate afresh (development only)')
  .option('--yes', 'confirm that every record may be deleted')
  .action((options: { yes?: boolean }) => runCommand(() => dbResetCommand(options)));

program
  .command('staff:create')
  .description('Create a staff account and print its initial password once')
  .requiredOption('--username <username>', 'sign-in name: a-z, 0-9, . _ -')
  .requiredOption('--name <name>', 'name shown in the console')
  .requiredOption('--role <role...>', `one or more of: ${staffRoles.join(', ')}`)
  .action((options: StaffCreateOptions) => runCommand(() => staffCreateCommand(options)));

program
  .command('audit:verify')
  .description('Check the hash chains of the audit log; exit 1 and name the first broken entry of each')
  .action(() => runCommand(auditVerifyCommand));

program
  .command('privacy:data-map')
  .description('Print the record of processing activities (every PI category: where, why, basis, retention) as JSON')
  .action(() => runCommand(privacyDataMapCommand));

program
  .command('retention:sweep')
  .description('Delete or anonymise what is past its retention period now, except what legal holds keep (the nightly job does the same)')
  .option('--dry-run', 'only count what would be removed')
  .action((options: { dryRun?: boolean }) => runCommand(() => retentionSweepCommand(options)));

program
  .command('keys:rotate')
  .description('Add a data-key version and re-encrypt every encrypted field with it (resumable, with progress)')
  .option('--resume', 'finish an interrupted rotation without adding another key')
  .action((options: { resume?: boolean }) => runCommand(() => keysRotateCommand(options)));

program
  .command('marketing:campaigns')
  .description('List marketing campaigns with the progress and outcome of each send')
  .action(() => runCommand(marketingCampaignsCommand));

program
  .command('catalogue:seed-demo')
  .description('Add the demo insurers and products where missing (the embedded demo does this on start)')
  .action(() => runCommand(catalogueSeedDemoCommand));

program
  .command('config:check')
  .description('Validate the configuration and check that the database answers')
  .action(() => runCommand(configCheckCommand));

program
  .command('config:docs')
  .description('Print the table of configuration variables (Markdown)')
  .action(() => console.log(configDocsTable()));

await program.parseAsync(process.argv);
