import { CheckCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Result, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DateChange } from '../api/dateChanges';
import { formatPrice } from '../catalogue/format';
import { ButtonLink } from '../shared/ButtonLink';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { differenceOf } from './dateChange';
import { PayDifferenceButton } from './PayDifferenceButton';
import { refreshAfterEndorsement, useDateChange, useDateChangePaymentReturn } from './useDateChanges';
import './purchase.css';
import './dateChange.css';

/**
 * /account/insurance/date-changes/:dateChangeId — where the payment page sends the payer of a date
 * change's extra premium back (R-POL-10). Arriving proves nothing, so the server asks the provider
 * once; then the page waits for the insurer's endorsement, or says that it refused (the extra premium
 * goes back) or that the time to pay ran out.
 */
export function DateChangePage() {
  const { t } = useTranslation();
  const { dateChangeId = '' } = useParams();
  const queryClient = useQueryClient();
  const returned = useDateChangePaymentReturn(dateChangeId);
  const change = useDateChange(dateChangeId, !returned.isPending);
  const status = change.data?.status;
  useDocumentTitle(t('myInsurance.dateChangePage.title'));
  useEffect(() => {
    if (status === 'endorsed') refreshAfterEndorsement(queryClient);
  }, [status, queryClient]);

  let body;
  if (returned.isPending || change.isPending) body = <Spin size="large" description={t('myInsurance.dateChangePage.checking')} data-testid="date-change-checking" />;
  else if (change.isError) body = <ErrorNotice variant="result" error={change.error} onRetry={() => void change.refetch()} />;
  else body = <Outcome change={change.data} />;

  return (
    <>
      <PageHeading title={t('myInsurance.dateChangePage.title')} testId="date-change-title" />
      <div className="site-container page-body order-page date-change-page" data-testid="date-change-page" data-status={status ?? ''}>
        <div className="paid-result">{body}</div>
        {change.data ? <ChangeFacts change={change.data} /> : null}
        {returned.isError && status === 'awaiting_payment' ? <ErrorNotice error={returned.error} /> : null}
        <Space className="purchase-actions" wrap>
          <ButtonLink to="/account/insurance" type={status === 'endorsed' ? 'primary' : 'default'} data-testid="date-change-to-mine">
            {t('myInsurance.dateChangePage.toMine')}
          </ButtonLink>
        </Space>
      </div>
    </>
  );
}

function Outcome({ change }: { change: DateChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const dates = { start: change.newCoverStart, end: change.newCoverEnd };
  switch (change.status) {
    case 'awaiting_payment':
      return <Alert type="warning" showIcon title={t('myInsurance.dateChangePage.awaiting')} action={change.payUrl ? <PayDifferenceButton payUrl={change.payUrl} testId="date-change-pay" /> : undefined} data-testid="date-change-awaiting" />;
    case 'paid':
      return <Result icon={<Spin size="large" />} title={t('myInsurance.dateChangePage.endorsing')} data-testid="date-change-endorsing" />;
    case 'endorsed':
      return <Result status="success" icon={<CheckCircleFilled />} title={t('myInsurance.dateChangePage.endorsed')} subTitle={t('myInsurance.dateChangePage.endorsedNote', dates)} data-testid="date-change-endorsed" />;
    case 'refused':
      // Only an extra premium was paid, and so goes back; a change that would have refunded took nothing.
      return (
        <Alert
          type="warning"
          showIcon
          title={change.differenceFen > 0 ? t('myInsurance.dateChangePage.refused', { amount: formatPrice(change.differenceFen, language) }) : t('myInsurance.dateChangePage.refusedUnpaid')}
          data-testid="date-change-refused"
        />
      );
    case 'expired':
      return <Alert type="info" showIcon title={t('myInsurance.dateChangePage.expired')} data-testid="date-change-expired" />;
  }
}

function ChangeFacts({ change }: { change: DateChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const difference = differenceOf(change.differenceFen);
  return (
    <Descriptions
      className="order-facts"
      size="small"
      column={1}
      bordered
      data-testid="date-change-facts"
      items={[
        { key: 'dates', label: t('myInsurance.dateChangePage.newDates'), children: <span data-testid="date-change-new-dates">{`${change.newCoverStart} – ${change.newCoverEnd}`}</span> },
        { key: 'difference', label: t('myInsurance.dateChangePage.difference'), children: t(`myInsurance.dateChange.difference.${difference.kind}`, { amount: formatPrice(difference.amountFen, language) }) },
      ]}
    />
  );
}
