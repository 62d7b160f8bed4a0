import { Alert, Button, Descriptions, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateChange, DateChangeOptions, RequestedDateChange } from '../api/dateChanges';
import type { Policy } from '../api/orders';
import { formatPrice, localised } from '../catalogue/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageSpinner } from '../shared/PageSpinner';
import { useLanguage } from '../shared/useLanguage';
import { DateChangeForm } from './DateChangeForm';
import { PayDifferenceButton } from './PayDifferenceButton';
import { useDateChangeOptions } from './useDateChanges';
import './dateChange.css';

/**
 * 更改出行日期 (R-POL-10): the policy's dates now, new ones within the bounds the server gives, a live
 * re-quote with the difference, and a confirmation that names what happens. What the policy allows
 * is asked when the modal opens (a cover that started, or a product without trip dates, answers 409
 * and the server's words are shown). Opened with a key and unmounted on close.
 */
export function DateChangeModal({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useDateChangeOptions(policy.id);
  const [endorsed, setEndorsed] = useState<RequestedDateChange | null>(null);
  const isEditing = !endorsed && options.data !== undefined && options.data.pending === null;

  let body;
  if (endorsed) body = <Endorsed result={endorsed} />;
  else if (options.isPending) body = <PageSpinner />;
  else if (options.isError) body = <ErrorNotice error={options.error} />;
  else {
    body = (
      <>
        <CurrentDates policy={policy} options={options.data} />
        {options.data.pending ? (
          <PendingChange pending={options.data.pending} />
        ) : (
          <DateChangeForm policyId={policy.id} options={options.data} onEndorsed={setEndorsed} onCancel={onClose} />
        )}
      </>
    );
  }
  return (
    <Modal
      open
      title={t('myInsurance.dateChange.title')}
      onCancel={onClose}
      // The form has its own buttons, whose confirmation says what it will do.
      footer={
        isEditing ? null : (
          <Button type={endorsed ? 'primary' : 'default'} onClick={onClose} data-testid="date-change-close">
            {endorsed ? t('myInsurance.dateChange.close') : t('myInsurance.dateChange.cancel')}
          </Button>
        )
      }
      destroyOnHidden
    >
      <div data-testid="date-change">{body}</div>
    </Modal>
  );
}

function CurrentDates({ policy, options }: { policy: Policy; options: DateChangeOptions }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="date-change-current"
      items={[
        { key: 'product', label: t('myInsurance.cancel.product'), children: `${localised(policy.product, 'name', language)} · ${policy.policyNumber}` },
        { key: 'dates', label: t('myInsurance.dateChange.current'), children: t('myInsurance.dateChange.period', { start: options.coverStart, end: options.coverEnd, days: options.days }) },
        { key: 'premium', label: t('myInsurance.dateChange.premiumPaid'), children: formatPrice(options.premiumFen, language) },
      ]}
    />
  );
}

/** A change already under way: the way on is to pay its extra premium, or to wait for the insurer. */
function PendingChange({ pending }: { pending: DateChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const title = pending.payUrl
    ? t('myInsurance.dateChange.pending', { start: pending.newCoverStart, end: pending.newCoverEnd, amount: formatPrice(pending.differenceFen, language) })
    : t('myInsurance.dateChangePage.endorsing');
  return <Alert type="warning" showIcon title={title} action={pending.payUrl ? <PayDifferenceButton payUrl={pending.payUrl} testId="date-change-pay-pending" /> : undefined} data-testid="date-change-pending" />;
}

function Endorsed({ result }: { result: RequestedDateChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Result
      status="success"
      title={t('myInsurance.dateChangePage.endorsed')}
      subTitle={
        <>
          {t('myInsurance.dateChangePage.endorsedNote', { start: result.coverStart, end: result.coverEnd })}
          {result.refundFen > 0 ? `${language === 'en' ? ' ' : ''}${t('myInsurance.dateChange.doneRefund', { amount: formatPrice(result.refundFen, language) })}` : null}
        </>
      }
      data-testid="date-change-done"
    />
  );
}
