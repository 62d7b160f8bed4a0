import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readSaleContent } from './read-sale-content.ts';
import type { ShowableStep } from './sale-content.ts';
import { saleOwnerOf } from './sale-owner.ts';
import { appendSaleStep, latestStep, lockOwnedSaleOnSale } from './sale-steps.ts';

/**
 * The person ticked the box under a document or statement (R-POL-7). Accepted only when the server
 * itself showed that very content (same hash) in this sale and it is still the version in force: a
 * confirmation of something never sent, or of an older text, is refused. Recorded with the
 * statement in the words shown and how long after showing it came.
 */
export async function confirmSaleStep(ctx: Ctx, db: Db, input: { saleId: string; kind: ShowableStep; contentHash: string; language: Language }): Promise<{ confirmedAt: Date }> {
  const owner = saleOwnerOf(ctx);
  return inTransaction(db, async (tx) => {
    const sale = await lockOwnedSaleOnSale(tx, input.saleId, owner);
    const current = await readSaleContent(tx, sale.productId, input.kind, input.language);
    const shown = await latestStep(tx, sale.id, input.kind, 'shown');
    if (!shown || shown.contentHash !== input.contentHash || current.contentHash !== input.contentHash) {
      throw new AppError('sale_step_not_shown', `Confirmation of ${input.kind} without the server showing the content in force`, { details: { kind: input.kind } });
    }
    const step = await appendSaleStep(tx, sale.id, {
      kind: input.kind,
      action: 'confirmed',
      documentId: current.documentId,
      contentHash: current.contentHash,
      statement: current.statement,
      viewedMs: Math.max(0, Date.now() - shown.at.getTime()),
    });
    return { confirmedAt: step.at };
  });
}
