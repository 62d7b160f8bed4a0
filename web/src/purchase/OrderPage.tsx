import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { startPayment } from '../api/orders';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageSpinner } from '../shared/PageSpinner';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { PageHeading } from '../site/components/PageHeading';
import { OrderFacts } from './OrderFacts';
import { OrderRefunds } from './OrderRefunds';
import { PolicyDownloads } from './PolicyDownloads';
import { timeLeft } from './timeLeft';
import { useNow, useOrder } from './useOrders';
import './purchase.css';

/** /orders/:orderId — one order of this customer or guest session, and 去支付 while it awaits payment (R-POL-8). */
export function OrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const order = useOrder(orderId);
  const isAwaiting = order.data?.status === 'awaiting_payment';
  const now = useNow(isAwaiting);
  const pay = useMutation({
    mutationFn: () => startPayment(orderId),
    onSuccess: ({ payUrl }) => window.location.assign(payUrl),
  });
  useDocumentTitle(t('purchase.order.title'));

  if (order.isPending) return <PageSpinner />;
  if (order.isError) {
    return (
      <div className="site-container page-body">
        <ErrorNotice variant="result" error={order.error} onRetry={() => void order.refetch()} />
      </div>
    );
  }
  const data = order.data;
  const left = isAwaiting ? timeLeft(data.expiresAt, now) : null;
  return (
    <>
      <PageHeading title={t('purchase.order.title')} testId="order-title" />
      <div className="site-container page-body order-page" data-testid="order-page" data-order={data.id}>
        <OrderFacts order={data} />
        {isAwaiting && left ? <Alert className="purchase-alert" type="warning" showIcon title={t('purchase.order.timeLeft', { time: left })} data-testid="order-time-left" /> : null}
        {(isAwaiting && !left) || data.status === 'expired' ? <Alert className="purchase-alert" type="info" showIcon title={t('purchase.order.expired')} /> : null}
        {data.status === 'paid' ? <Alert className="purchase-alert" type="info" showIcon title={t('purchase.order.paidAwaiting')} /> : null}
        {data.status === 'refunded' ? <Alert className="purchase-alert" type="info" showIcon title={t('purchase.order.refunded')} /> : null}
        {data.status === 'issued' ? <PolicyDownloads order={data} /> : null}
        <OrderRefunds orderId={data.id} />
        {pay.isError ? <ErrorNotice error={pay.error} /> : null}
        <Space className="purchase-actions" wrap>
          {isAwaiting && left ? (
            <Button type="primary" size="large" loading={pay.isPending || pay.isSuccess} onClick={() => pay.mutate()} data-testid="order-pay">
              {t('purchase.order.pay')}
            </Button>
          ) : null}
          <ButtonLink to="/account/insurance" size="large" data-testid="order-to-mine">
            {t('purchase.order.toMine')}
          </ButtonLink>
        </Space>
      </div>
    </>
  );
}
