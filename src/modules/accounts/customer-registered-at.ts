import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { customers } from './schema.ts';

/**
 * When a customer registered. The policy versions in effect then are the ones the sign-in page
 * presented at registration, so they are the person's starting point for later change notices.
 */
export async function customerRegisteredAt(db: DbOrTx, customerId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: customers.createdAt }).from(customers).where(eq(customers.id, customerId));
  return row?.createdAt ?? null;
}
