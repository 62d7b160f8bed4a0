import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';

/**
 * Whose a sale or an order is: a signed-in customer, or the guest of a guest session (R-ACC-2: a
 * purchase needs no account). Exactly one of the two columns is set on every row.
 */
export interface SaleOwner {
  customerId: string | null;
  guestId: string | null;
}

export function saleOwnerOf(ctx: Ctx): SaleOwner {
  if (ctx.actor.type === 'customer') return { customerId: ctx.actor.id, guestId: null };
  if (ctx.actor.type === 'guest') return { customerId: null, guestId: ctx.actor.id };
  throw new AppError('unauthorized', 'A customer or guest session is needed to apply');
}

export function isOwnedBy(row: SaleOwner, owner: SaleOwner): boolean {
  return owner.customerId !== null ? row.customerId === owner.customerId : row.guestId !== null && row.guestId === owner.guestId;
}

/** The id consent records and audit entries name: the customer, or the guest. */
export function subjectIdOf(owner: SaleOwner): string {
  return (owner.customerId ?? owner.guestId) as string;
}
