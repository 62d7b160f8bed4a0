import type { PaymentStatus } from '../../src/integrations/payment/payment-provider.ts';
import type { StoredPayment } from './sandbox-store.ts';

export interface PayPageView {
  merchantId: string;
  payment: StoredPayment;
  status: PaymentStatus;
  /** Said above the details when a pay attempt was refused. */
  refusal?: boolean;
}

const TITLE = 'Besttrav 支付沙箱 / Payment sandbox';

const statusText: Record<Exclude<PaymentStatus, 'pending'>, string> = {
  paid: '已支付。/ This payment has been paid.',
  expired: '支付已过期，无法支付。/ This payment has expired and can no longer be paid.',
  closed: '支付已关闭，无法支付。/ This payment has been closed and can no longer be paid.',
};

/** The hosted page: bilingual, no script, every value from the merchant escaped. */
export function renderPayPage(view: PayPageView): string {
  const { payment, status } = view;
  const amount = formatYuan(payment.amountFen);
  const actions =
    status === 'pending'
      ? `<form method="post" action="/pay/${payment.id}/pay"><button type="submit" data-testid="sandbox-pay">确认支付 ${amount} / Pay ${amount}</button></form>
<form method="post" action="/pay/${payment.id}/cancel"><button type="submit" class="secondary" data-testid="sandbox-cancel">取消支付 / Cancel</button></form>`
      : `<p role="status" data-testid="sandbox-status">${statusText[status]}</p>
<p><a href="${escapeHtml(payment.returnUrl)}" data-testid="sandbox-return">返回商户 / Back to the merchant</a></p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f5f5f5; color: #1f1f1f; }
main { max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; }
h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
.note { color: #8c6d1f; background: #fffbe6; padding: .5rem .75rem; border-radius: 4px; }
.refusal { color: #a8071a; background: #fff1f0; padding: .5rem .75rem; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1rem; }
dt { color: #595959; } dd { margin: 0; overflow-wrap: anywhere; }
.amount { font-size: 1.5rem; font-weight: 600; }
form { margin: .75rem 0 0; }
button { width: 100%; padding: .75rem; font-size: 1rem; border-radius: 6px; border: 1px solid #1677ff; background: #1677ff; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f1f1f; border-color: #d9d9d9; }
</style>
</head>
<body>
<main>
<h1>${TITLE}</h1>
<p class="note">测试环境，不会产生真实扣款。/ Test environment: no real money moves.</p>
${view.refusal ? '<p class="refusal" role="alert">此支付无法完成。/ This payment cannot be completed.</p>' : ''}
<dl>
<dt>商户 / Merchant</dt><dd data-testid="sandbox-merchant">${escapeHtml(view.merchantId)}</dd>
<dt>商品 / Item</dt><dd data-testid="sandbox-description">${escapeHtml(payment.description)}</dd>
<dt>金额 / Amount</dt><dd class="amount" data-testid="sandbox-amount">${amount}</dd>
<dt>订单号 / Order</dt><dd>${escapeHtml(payment.merchantOrderId)}</dd>
<dt>有效期至 / Pay by</dt><dd>${formatBeijingTime(payment.expiresAt)}</dd>
</dl>
${actions}
</main>
</body>
</html>
`;
}

/** `¥1,234.50`, from integer fen without floating point. */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

function formatBeijingTime(date: Date): string {
  const text = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(date);
  return `${escapeHtml(text)}（北京时间 / Beijing time）`;
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}
