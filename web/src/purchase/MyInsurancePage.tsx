import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ORDER_STATUSES, orderStatusNames, type OrderStatus } from '../../../src/shared/orders.ts';
import { deleteDraft, type Order, type Policy } from '../api/orders';
import { formatPrice, localised, pick } from '../catalogue/format';
import { beijingToday } from '../shared/beijingTime';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatDateTime } from '../shared/formatDateTime';
import { PageSpinner } from '../shared/PageSpinner';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { useSiteSession } from '../site/hooks/useSiteSession';
import { signInLinkFor } from '../site/layout/signInLink';
import { CancelPolicyModal } from './CancelPolicyModal';
import { DateChangeModal } from './DateChangeModal';
import { OrderStatusTag } from './OrderFacts';
import { PolicyLinks } from './PolicyDownloads';
import { timeLeft } from './timeLeft';
import { useDrafts, useNow, useOrders, usePolicies } from './useOrders';
import { draftKeys } from './usePurchaseDraft';
import './purchase.css';

/** /account/insurance — 我的保险 (R-POL-10): policies, orders by status and (signed in) drafts; guests see their session's. */
export function MyInsurancePage() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('myInsurance.title'));
  if (session.isPending) return <PageSpinner />;
  const actor = session.data?.actor.type ?? 'anonymous';
  return (
    <>
      <PageHeading title={t('myInsurance.title')} intro={t('myInsurance.intro')} testId="my-insurance-title" />
      <div className="site-container page-body my-insurance" data-testid="my-insurance">
        {actor === 'anonymous' ? (
          <Alert
            type="info"
            showIcon
            title={t('myInsurance.anonymous')}
            action={
              <ButtonLink to={signInLinkFor(pathname, search)} type="primary" size="small">
                {t('myInsurance.signIn')}
              </ButtonLink>
            }
          />
        ) : (
          <>
            {actor === 'guest' ? <Alert className="purchase-alert" type="info" showIcon title={t('myInsurance.guestNote')} data-testid="my-insurance-guest" /> : null}
            <Tabs
              items={[
                { key: 'policies', label: t('myInsurance.tabs.policies'), children: <PoliciesTab /> },
                { key: 'orders', label: t('myInsurance.tabs.orders'), children: <OrdersTab /> },
                ...(actor === 'customer' ? [{ key: 'drafts', label: t('myInsurance.tabs.drafts'), children: <DraftsTab /> }] : []),
              ]}
              data-testid="my-insurance-tabs"
            />
          </>
        )}
      </div>
    </>
  );
}

function Nothing({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Empty description={text}>
      <ButtonLink to="/products" type="primary">
        {t('myInsurance.products')}
      </ButtonLink>
    </Empty>
  );
}

function PoliciesTab() {
  const { t } = useTranslation();
  const policies = usePolicies(true);
  if (policies.isPending) return <PageSpinner />;
  if (policies.isError) return <ErrorNotice error={policies.error} onRetry={() => void policies.refetch()} />;
  if (policies.data.policies.length === 0) return <Nothing text={t('myInsurance.policies.empty')} />;
  return (
    <ul className="my-insurance__list">
      {policies.data.policies.map((policy) => (
        <li key={policy.id}>
          <PolicyCard policy={policy} />
        </li>
      ))}
    </ul>
  );
}

function PolicyCard({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [isCancelling, setCancelling] = useState(false);
  const [isChangingDates, setChangingDates] = useState(false);
  // Dates change only before the cover starts; the server has the last word when the modal opens.
  const canChangeDates = policy.status === 'issued' && policy.coverStart > beijingToday();
  return (
    <Card size="small" className="my-insurance__card" data-testid="my-policy" data-policy={policy.id} data-status={policy.status}>
      <div className="my-insurance__head">
        <strong>{localised(policy.product, 'name', language)}</strong>
        <Tag color={policy.status === 'issued' ? 'green' : 'default'}>{t(`myInsurance.policies.status.${policy.status}`)}</Tag>
      </div>
      <dl className="my-insurance__facts">
        <dt>{t('purchase.order.plan')}</dt>
        <dd>{localised(policy.plan, 'name', language)}</dd>
        <dt>{t('myInsurance.policies.number')}</dt>
        <dd data-testid="my-policy-number">{policy.policyNumber}</dd>
        <dt>{t('myInsurance.policies.cover')}</dt>
        <dd data-testid="my-policy-cover">{`${policy.coverStart} – ${policy.coverEnd}`}</dd>
        <dt>{t('myInsurance.policies.insured')}</dt>
        <dd>{policy.insured.map((person) => `${person.name}（${person.idMasked}）`).join(language === 'en' ? ', ' : '、')}</dd>
      </dl>
      {policy.status === 'issued' ? (
        <div className="my-insurance__actions">
          <PolicyLinks policy={policy} size="small" />
          <Space size={8} wrap>
            {canChangeDates ? (
              <Button size="small" onClick={() => setChangingDates(true)} data-testid="date-change-open">
                {t('myInsurance.dateChange.open')}
              </Button>
            ) : null}
            <Button size="small" danger onClick={() => setCancelling(true)} data-testid="cancel-policy-open">
              {t('myInsurance.cancel.open')}
            </Button>
          </Space>
        </div>
      ) : null}
      {isCancelling ? <CancelPolicyModal key={policy.id} policy={policy} onClose={() => setCancelling(false)} /> : null}
      {isChangingDates ? <DateChangeModal key={policy.id} policy={policy} onClose={() => setChangingDates(false)} /> : null}
    </Card>
  );
}

function OrdersTab() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const orders = useOrders(true);
  const [filter, setFilter] = useState<OrderStatus | 'all'>('all');
  const now = useNow(orders.data?.orders.some((order) => order.status === 'awaiting_payment') ?? false);
  if (orders.isPending) return <PageSpinner />;
  if (orders.isError) return <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />;
  const list = orders.data.orders;
  if (list.length === 0) return <Nothing text={t('myInsurance.orders.empty')} />;
  const present = ORDER_STATUSES.filter((status) => list.some((order) => order.status === status));
  const shown = filter === 'all' ? list : list.filter((order) => order.status === filter);
  return (
    <>
      <Segmented
        className="my-insurance__filter"
        value={filter}
        onChange={(value) => setFilter(value as OrderStatus | 'all')}
        options={[{ value: 'all', label: t('myInsurance.orders.all') }, ...present.map((status) => ({ value: status, label: pick(orderStatusNames[status], language) }))]}
        data-testid="my-orders-filter"
      />
      <ul className="my-insurance__list">
        {shown.map((order) => (
          <li key={order.id}>
            <OrderCard order={order} now={now} />
          </li>
        ))}
      </ul>
    </>
  );
}

function OrderCard({ order, now }: { order: Order; now: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const isPayable = order.status === 'awaiting_payment' && timeLeft(order.expiresAt, now) !== null;
  return (
    <Card size="small" className="my-insurance__card" data-testid="my-order" data-order={order.id} data-status={order.status}>
      <div className="my-insurance__head">
        <strong>{localised(order.product, 'name', language)}</strong>
        <OrderStatusTag status={order.status} />
      </div>
      <dl className="my-insurance__facts">
        <dt>{t('purchase.order.plan')}</dt>
        <dd>{localised(order.plan, 'name', language)}</dd>
        <dt>{t('purchase.order.cover')}</dt>
        <dd>{`${order.coverStart} – ${order.coverEnd}`}</dd>
        <dt>{t('myInsurance.orders.premium')}</dt>
        <dd>{formatPrice(order.premiumFen, language)}</dd>
        <dt>{t('myInsurance.orders.createdAt')}</dt>
        <dd>{formatDateTime(order.createdAt, language)}</dd>
      </dl>
      <ButtonLink to={`/orders/${order.id}`} type={isPayable ? 'primary' : 'default'} size="small" data-testid={isPayable ? 'my-order-pay' : 'my-order-view'}>
        {isPayable ? t('myInsurance.orders.pay') : t('myInsurance.orders.view')}
      </ButtonLink>
    </Card>
  );
}

function DraftsTab() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const drafts = useDrafts(true);
  const discard = useMutation({ mutationFn: deleteDraft, onSuccess: () => void queryClient.invalidateQueries({ queryKey: draftKeys.list }) });
  if (drafts.isPending) return <PageSpinner />;
  if (drafts.isError) return <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} />;
  if (drafts.data.drafts.length === 0) return <Nothing text={t('myInsurance.drafts.empty')} />;
  return (
    <ul className="my-insurance__list">
      {drafts.data.drafts.map((draft) => (
        <li key={draft.productCode}>
          <Card size="small" className="my-insurance__card" data-testid="my-draft" data-product={draft.productCode}>
            <div className="my-insurance__head">
              <strong>{localised(draft, 'productName', language)}</strong>
              <span className="purchase-note">{t('myInsurance.drafts.savedAt', { time: formatDateTime(draft.updatedAt, language) })}</span>
            </div>
            <div className="my-insurance__actions">
              <ButtonLink to={`/buy/${draft.productCode}`} type="primary" size="small">
                {t('myInsurance.drafts.resume')}
              </ButtonLink>
              <Button size="small" danger loading={discard.isPending && discard.variables === draft.productCode} onClick={() => discard.mutate(draft.productCode)}>
                {t('myInsurance.drafts.discard')}
              </Button>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
