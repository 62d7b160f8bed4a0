import { DeleteOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { eraseUnconsentedChildData } from '../api/minors';
import type { CustomerCard } from '../api/types';
import { ReasonModal } from '../console/components/ReasonModal';

/** The server's rule for reasons: at least 5 characters once trimmed. */
const MIN_REASON_LENGTH = 5;

/** R-MIN-2: erase a child's data collected without a guardian's consent, with a typed reason. */
export function EraseChildDataModal({ customer, onClose, onErased }: { customer: CustomerCard; onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      title={t('minors.erase.title')}
      details={[
        { key: 'customerId', label: t('console.customers.customerId'), value: customer.customerId, isId: true },
        { key: 'phone', label: t('console.customers.phoneMasked'), value: customer.phoneMasked },
      ]}
      notice={<Alert type="error" showIcon title={t('minors.erase.warning')} className="console-page__block" />}
      field={{
        bodyName: 'reason',
        label: t('minors.erase.reason'),
        placeholder: t('minors.erase.reasonPlaceholder'),
        tooShort: t('minors.erase.reasonRequired'),
        minLength: MIN_REASON_LENGTH,
        maxLength: 500,
        rows: 3,
        testId: 'erase-child-reason',
      }}
      submit={{ label: t('minors.erase.submit'), icon: <DeleteOutlined />, isDanger: true, testId: 'erase-child-submit' }}
      cancelLabel={t('minors.erase.cancel')}
      action="minors-erase"
      send={(reason) => eraseUnconsentedChildData(customer.customerId, reason)}
      onSent={onErased}
      sentView={{
        closeLabel: t('minors.erase.close'),
        closeTestId: 'erase-child-close',
        render: (result) => {
          const count = Object.values(result.erased).reduce((sum, n) => sum + n, 0);
          return (
            <Alert
              type="success"
              showIcon
              data-testid="erase-child-result"
              title={result.held > 0 ? t('minors.erase.doneHeld', { count, held: result.held }) : t('minors.erase.done', { count })}
            />
          );
        },
      }}
      onClose={onClose}
    />
  );
}
