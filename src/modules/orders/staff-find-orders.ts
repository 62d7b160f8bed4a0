import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { validateIdDocument, type IdDocumentInput } from '../../shared/identity-documents.ts';
import { idNumberBlindIndex } from '../accounts/profile/profile-record.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { orderSummaries, type OrderSummary } from './order-summary.ts';
import { orderParties, orders } from './schema.ts';

/**
 * Staff find orders by their number, or by the identity document of anyone on them (exact match
 * through the blind index — no browsing of people). The answer holds no personal values; each order
 * found is audited as read, since it says this person bought it.
 */
export async function staffFindOrders(ctx: Ctx, deps: { db: Db; keyring: Keyring }, query: { orderId?: string; idDocument?: IdDocumentInput }): Promise<OrderSummary[]> {
  authorizeStaff(ctx.actor, 'orders.read');
  let ids: string[] = [];
  if (query.orderId) ids = [query.orderId];
  else if (query.idDocument) {
    const checked = validateIdDocument(query.idDocument);
    if (!checked.isValid) throw new AppError('validation_failed', 'Not a valid document number', { errors: [{ pointer: '/body/idDocument/number', detail: checked.problem }] });
    const rows = await deps.db.selectDistinct({ orderId: orderParties.orderId }).from(orderParties).where(eq(orderParties.idNumberBidx, idNumberBlindIndex(deps.keyring, checked.document)));
    ids = rows.map((row) => row.orderId);
  }
  if (ids.length === 0) return [];
  const found = await orderSummaries(deps.db, inArray(orders.id, ids), 50);
  await Promise.all(found.map((order) => recordAudit(deps.db, ctx, { action: 'read', record: `orders/${order.id}`, fields: ['order_summary'] })));
  return found;
}
