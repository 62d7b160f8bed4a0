import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Result, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { confirmPaymentReturn } from '../api/orders';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { PageHeading } from '../site/components/PageHeading';
import { OrderFacts } from './OrderFacts';
import { PolicyDownloads } from './PolicyDownloads';
import { orderKeys, useOrder } from './useOrders';
import './purchase.css';

/**
 * /orders/:orderId/paid — where the payment page sends the payer back (R-POL-8, R-POL-9). Arriving
 * here proves nothing, so the server asks the provider; then the page waits for the policy (出单中…)
 * and offers its downloads.
 */
export function OrderPaidPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const queryClient = useQueryClient();
  // Once per visit: the server's answer is the same however often it is asked. It is the order as it
  // stands, so the wait for the policy starts from it rather than asking for the order again.
  const returned = useQuery({
    queryKey: ['purchase', 'payment-return', orderId],
    queryFn: async () => {
      const order = await confirmPaymentReturn(orderId);
      queryClient.setQueryData(orderKeys.one(orderId), order);
      return order;
    },
    staleTime: Infinity,
    retry: 1,
    refetchOnWindowFocus: false,
  });
  const order = useOrder(orderId, { isEnabled: !returned.isPending, waitWhile: (current) => current.status === 'paid' });
  useDocumentTitle(t('purchase.paid.title'));

  const status = order.data?.status;
  let body;
  if (returned.isPending || order.isPending) body = <Spin size="large" description={t('purchase.paid.checking')} data-testid="paid-checking" />;
  else if (order.isError) body = <ErrorNotice variant="result" error={order.error} onRetry={() => void order.refetch()} />;
  else if (status === 'paid') body = <Result icon={<Spin size="large" />} title={t('purchase.paid.issuing')} subTitle={t('purchase.paid.issuingNote')} data-testid="paid-issuing" />;
  else if (status === 'issued') body = <Result status="success" icon={<CheckCircleFilled />} title={t('purchase.paid.issued')} extra={<PolicyDownloads order={order.data} />} data-testid="paid-issued" />;
  else if (status === 'refunded') body = <Alert type="info" showIcon title={t('purchase.paid.refunded')} />;
  else if (status === 'expired') body = <Alert type="info" showIcon title={t('purchase.order.expired')} />;
  else body = <Alert type="warning" showIcon title={t('purchase.paid.notPaid')} data-testid="paid-not-paid" />;

  return (
    <>
      <PageHeading title={t('purchase.paid.title')} testId="paid-title" />
      <div className="site-container page-body order-page" data-testid="paid-page" data-status={status ?? ''}>
        <div className="paid-result">{body}</div>
        {order.data ? <OrderFacts order={order.data} /> : null}
        {returned.isError && status === 'awaiting_payment' ? <ErrorNotice error={returned.error} /> : null}
        <Space className="purchase-actions" wrap>
          <ButtonLink to={`/orders/${orderId}`}>{t('purchase.paid.toOrder')}</ButtonLink>
          <ButtonLink to="/account/insurance">{t('purchase.order.toMine')}</ButtonLink>
        </Space>
      </div>
    </>
  );
}
