import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { migrate } from '../../db/migrate.ts';
import { createStaffMember } from '../../modules/staff/create-staff-member.ts';
import { staffRoles, type StaffRole } from '../../modules/staff/roles.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { AppError } from '../../errors/app-error.ts';

export interface StaffCreateOptions {
  username: string;
  name: string;
  role: string[];
}

/**
 * `besttrav staff:create --username alice --name 张丽 --role administrator`: creates a staff account
 * (the way to make the first administrator) and prints its initial password once. The person enrols
 * an authenticator app at first sign-in.
 */
export async function staffCreateCommand(options: StaffCreateOptions): Promise<void> {
  const unknown = options.role.filter((role) => !(staffRoles as readonly string[]).includes(role));
  if (unknown.length > 0 || options.role.length === 0) {
    throw new AppError('validation_failed', `Unknown roles: ${unknown.join(', ')}`, {
      errors: [{ pointer: '--role', detail: `choose from ${staffRoles.join(', ')}` }],
    });
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const created = await createStaffMember(systemCtx('cli', 'security'), { username: options.username, displayName: options.name, roles: options.role as StaffRole[] }, database.db);
    console.log(`Staff account ${options.username} created (${created.id}) with roles: ${options.role.join(', ')}.`);
    console.log(`Initial password (shown once): ${created.initialPassword}`);
    console.log('At first sign-in on /console the person scans a QR code with an authenticator app.');
  } finally {
    await database.close();
  }
}
