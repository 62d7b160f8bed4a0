// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/**
 * The life of an order (R-POL-8, R-POL-9, R-POL-10):
 *   awaiting_payment → paid → issued → (cancelled within the cooling-off period, refunded)
 *   awaiting_payment → expired (unpaid after 30 minutes)
 *   paid → refunded (the insurer declined: a paid order is always issued or refunded, never lost)
 */
export const ORDER_STATUSES = ['awaiting_payment', 'expired', 'paid', 'issued', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderStatusNames: Record<OrderStatus, { zh: string; en: string }> = {
  awaiting_payment: { zh: '待支付', en: 'Awaiting payment' },
  expired: { zh: '已过期', en: 'Expired' },
  paid: { zh: '已支付，出单中', en: 'Paid, being issued' },
  issued: { zh: '已出单', en: 'Issued' },
  refunded: { zh: '已退款', en: 'Refunded' },
  cancelled: { zh: '已退保', en: 'Cancelled' },
};

/** Minutes an unpaid order waits for its payment. */
export const ORDER_PAYMENT_MINUTES = 30;

/**
 * The key steps of the sales process that the server records (可回溯, R-POL-7). Documents are shown
 * by the server (which records the hash of what it sent); confirmations are refused unless the
 * server recorded their document as shown in the same sale.
 */
export const SALE_STEP_KINDS = ['product_page', 'purchase_notice', 'terms', 'exclusions', 'health_declaration', 'authorisation', 'confirmation', 'payment'] as const;
export type SaleStepKind = (typeof SALE_STEP_KINDS)[number];

/** The steps whose content the server shows and the person confirms (the product page and payment are recorded otherwise). */
export const SHOWABLE_STEPS = ['purchase_notice', 'terms', 'exclusions', 'health_declaration', 'authorisation', 'confirmation'] as const satisfies readonly SaleStepKind[];
export type ShowableStep = (typeof SHOWABLE_STEPS)[number];

/** The documents a sale must show and have confirmed before an application is accepted, in order. */
export const REQUIRED_READING = ['purchase_notice', 'terms', 'exclusions'] as const;
export type RequiredReading = (typeof REQUIRED_READING)[number];

export const saleStepNames: Record<SaleStepKind, { zh: string; en: string }> = {
  product_page: { zh: '产品页面', en: 'Product page' },
  purchase_notice: { zh: '投保须知', en: 'Purchase notice' },
  terms: { zh: '保险条款', en: 'Policy terms' },
  exclusions: { zh: '责任免除', en: 'Exclusions' },
  health_declaration: { zh: '健康告知', en: 'Health declaration' },
  authorisation: { zh: '被保险人授权声明', en: 'Insured persons’ authorisation' },
  confirmation: { zh: '确认投保', en: 'Confirmation of the application' },
  payment: { zh: '支付', en: 'Payment' },
};

/** The statement a person confirms at each step, shown beside its checkbox and recorded word for word. */
export const saleStatements: Record<Exclude<SaleStepKind, 'product_page' | 'payment'>, { zh: string; en: string }> = {
  purchase_notice: { zh: '本人已阅读并理解《投保须知》。', en: 'I have read and understood the purchase notice.' },
  terms: { zh: '本人已阅读并理解《保险条款》。', en: 'I have read and understood the policy terms.' },
  exclusions: {
    zh: '本人已阅读《责任免除》条款，保险人已就免除保险人责任的条款向本人作出提示和明确说明，本人理解其内容。',
    en: 'I have read the exclusions; the insurer has drawn my attention to the clauses excluding its liability and explained them, and I understand them.',
  },
  health_declaration: { zh: '本人已如实告知被保险人的健康状况。', en: 'I have truthfully declared the health of the insured persons.' },
  authorisation: {
    zh: '本人为他人投保，已取得被保险人（或其监护人）的同意，并获授权向平台和保险公司提供其个人信息用于本次投保。',
    en: 'I am insuring other people: I have their (or their guardian’s) consent and their authorisation to give the platform and the insurer their personal information for this application.',
  },
  confirmation: { zh: '本人确认以上投保信息真实、准确、完整，同意投保。', en: 'I confirm the information above is true, accurate and complete, and I apply for this insurance.' },
};
