import { useQuery } from '@tanstack/react-query';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchOrderRefunds, type OrderRefund } from '../api/refunds';
import { isOpenRefundState, refundReasonNames } from '../../../src/modules/payments/payment-terms.ts';
import { formatPrice, pick } from '../catalogue/format';
import { formatDateTime } from '../shared/formatDateTime';
import { useLanguage } from '../shared/useLanguage';

// A refund on its way is asked about again now and then: the provider may take minutes or days.
const OPEN_REFUND_POLL_MS = 15_000;
const isOpen = (refund: OrderRefund) => isOpenRefundState(refund.status);
const STATUS_COLOURS = { on_its_way: 'processing', succeeded: 'success', failed: 'error' } as const;

/** The refunds of an order, each with whether it has reached the payer; nothing when there is none. */
export function OrderRefunds({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const refunds = useQuery({
    queryKey: ['orders', orderId, 'refunds'],
    queryFn: ({ signal }) => fetchOrderRefunds(orderId, signal),
    refetchInterval: (query) => (query.state.data?.refunds.some(isOpen) ? OPEN_REFUND_POLL_MS : false),
  });
  const rows = refunds.data?.refunds ?? [];
  if (rows.length === 0) return null;
  return (
    <Card className="order-refunds" size="small" title={t('purchase.refunds.title')} data-testid="order-refunds">
      <ul className="order-refunds__list">
        {rows.map((refund) => {
          const shown = isOpen(refund) ? 'on_its_way' : refund.status === 'succeeded' ? 'succeeded' : 'failed';
          return (
            <li key={refund.id} className="order-refunds__item" data-testid="order-refund" data-status={shown}>
              <span className="order-refunds__head">
                <strong data-testid="order-refund-amount" data-fen={refund.amountFen}>
                  {formatPrice(refund.amountFen, language)}
                </strong>
                <Tag color={STATUS_COLOURS[shown]}>{t(`purchase.refunds.status.${shown}`)}</Tag>
              </span>
              <span className="purchase-note">
                {pick(refundReasonNames[refund.reason], language)} · {formatDateTime(refund.createdAt, language)}
              </span>
              {shown === 'failed' ? <span className="purchase-note">{t('purchase.refunds.failedNote')}</span> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
