import { desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { OrderStatus } from '../../shared/orders.ts';
import { plans, products } from '../catalogue/schema.ts';
import { orders } from './schema.ts';

/** An order as its owner's pages show it: no personal information beyond what the order itself is. */
export interface OrderSummary {
  id: string;
  saleId: string;
  status: OrderStatus;
  product: { code: string; nameZh: string; nameEn: string; coolingOffDays: number };
  plan: { code: string; nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  destinations: string[];
  insuredCount: number;
  subtotalFen: number;
  discountFen: number;
  premiumFen: number;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
  issuedAt: Date | null;
  closedAt: Date | null;
}

/**
 * The columns of a summary, for a query of orders joined with their product and plan (a query that
 * reads more of the order beside it selects these too and passes them to summaryOf). Only these
 * columns: Drizzle maps every column it is given, and an order has twice as many.
 */
export const orderSummaryColumns = {
  order: {
    id: orders.id,
    saleId: orders.saleId,
    status: orders.status,
    coverStart: orders.coverStart,
    coverEnd: orders.coverEnd,
    destinations: orders.destinations,
    insuredCount: orders.insuredCount,
    subtotalFen: orders.subtotalFen,
    discountFen: orders.discountFen,
    premiumFen: orders.premiumFen,
    expiresAt: orders.expiresAt,
    createdAt: orders.createdAt,
    paidAt: orders.paidAt,
    issuedAt: orders.issuedAt,
    closedAt: orders.closedAt,
  },
  product: { code: products.code, nameZh: products.nameZh, nameEn: products.nameEn, coolingOffDays: products.coolingOffDays },
  plan: { code: plans.code, nameZh: plans.nameZh, nameEn: plans.nameEn },
};

/** Summaries of the orders matching `where`, newest first. */
export async function orderSummaries(db: DbOrTx, where: SQL | undefined, limit = 100): Promise<OrderSummary[]> {
  return summariesOf(await orderSummaryQuery(db, where, limit));
}

/** The query of `orderSummaries`, for a caller that builds it once with placeholders (compiled-query.ts). */
export function orderSummaryQuery(db: DbOrTx, where: SQL | undefined, limit: number) {
  return db
    .select(orderSummaryColumns)
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(where)
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

type SummaryRow = Awaited<ReturnType<typeof orderSummaryQuery>>[number];

export function summariesOf(rows: SummaryRow[]): OrderSummary[] {
  return rows.map(({ order, product, plan }) => summaryOf(order, product, plan));
}

type SummarisedOrder = Pick<
  typeof orders.$inferSelect,
  'id' | 'saleId' | 'status' | 'coverStart' | 'coverEnd' | 'destinations' | 'insuredCount' | 'subtotalFen' | 'discountFen' | 'premiumFen' | 'expiresAt' | 'createdAt' | 'paidAt' | 'issuedAt' | 'closedAt'
>;

/** The summary of one order with its product and plan (read, or held by the transaction that made it). */
export function summaryOf(order: SummarisedOrder, product: OrderSummary['product'], plan: OrderSummary['plan']): OrderSummary {
  return {
    id: order.id,
    saleId: order.saleId,
    status: order.status,
    product: { code: product.code, nameZh: product.nameZh, nameEn: product.nameEn, coolingOffDays: product.coolingOffDays },
    plan: { code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn },
    coverStart: order.coverStart,
    coverEnd: order.coverEnd,
    destinations: order.destinations,
    insuredCount: order.insuredCount,
    subtotalFen: order.subtotalFen,
    discountFen: order.discountFen,
    premiumFen: order.premiumFen,
    expiresAt: order.expiresAt,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    issuedAt: order.issuedAt,
    closedAt: order.closedAt,
  };
}
