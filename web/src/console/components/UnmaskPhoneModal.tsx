import { EyeOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { unmaskCustomerPhone } from '../../api/customers';
import type { CustomerCard } from '../../api/types';
import { ReasonModal } from './ReasonModal';
import './secret.css';
import './privacy-pages.css';

/** The server's rule (src/modules/accounts/staff-lookup-customers.ts): at least 5 characters once trimmed. */
const MIN_REASON_LENGTH = 5;

/**
 * Shows one customer's full number after the staff member has typed why. Opened with
 * key={customerId} and unmounted on close, so the number is gone from the screen and from memory
 * (the modal caches no answer) as soon as the window closes.
 */
export function UnmaskPhoneModal({ customer, onClose }: { customer: CustomerCard; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <ReasonModal
      title={t('console.customers.unmaskTitle')}
      details={[
        { key: 'customerId', label: t('console.customers.customerId'), value: customer.customerId, isId: true },
        { key: 'phone', label: t('console.customers.phoneMasked'), value: customer.phoneMasked },
      ]}
      notice={<Alert type="warning" showIcon title={t('console.customers.unmaskWarning')} className="console-page__block" />}
      field={{
        bodyName: 'reason',
        label: t('console.customers.reason'),
        placeholder: t('console.customers.reasonPlaceholder'),
        tooShort: t('console.customers.reasonRequired'),
        minLength: MIN_REASON_LENGTH,
        maxLength: 500,
        rows: 3,
        testId: 'unmask-reason',
      }}
      submit={{ label: t('console.customers.unmaskSubmit'), icon: <EyeOutlined />, testId: 'unmask-submit' }}
      cancelLabel={t('console.customers.cancel')}
      action="customer-unmask"
      send={(reason) => unmaskCustomerPhone(customer.customerId, reason)}
      sentView={{
        closeLabel: t('console.customers.close'),
        closeTestId: 'unmask-close',
        render: ({ value }) => (
          <div className="unmask-result">
            <Typography.Text strong>{t('console.customers.fullNumber')}</Typography.Text>
            <span className="console-secret unmask-result__value" data-testid="unmasked-value" translate="no">
              {value}
            </span>
            <Typography.Paragraph type="secondary" className="unmask-result__note">
              {t('console.customers.hiddenOnClose')}
            </Typography.Paragraph>
          </div>
        ),
      }}
      onClose={onClose}
    />
  );
}
