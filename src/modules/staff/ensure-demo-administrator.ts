import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { createStaffMember } from './create-staff-member.ts';
import { staffMembers } from './schema.ts';

/**
 * The embedded demo needs a way into the console. When no staff account exists yet, one
 * administrator `admin` is created with a random password, written to DATA_DIR/demo-admin.txt (0600)
 * and returned for the start message. Only in embedded mode: a PostgreSQL installation creates its
 * first administrator with `besttrav staff:create`.
 */
export async function ensureDemoAdministrator(db: Db, dataDir: string): Promise<{ username: string; password: string; file: string } | null> {
  const [row] = await db.select({ n: count() }).from(staffMembers);
  if ((row?.n ?? 0) > 0) return null;
  const username = 'admin';
  const created = await createStaffMember(systemCtx('demo-setup', 'security'), { username, displayName: '演示管理员', roles: ['administrator'] }, db);
  const password = created.initialPassword ?? '';
  const file = path.join(dataDir, 'demo-admin.txt');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `Besttrav demo console (/console)\nusername: ${username}\npassword: ${password}\nAt first sign-in, scan the QR code with an authenticator app.\n`, { mode: 0o600 });
  return { username, password, file };
}
