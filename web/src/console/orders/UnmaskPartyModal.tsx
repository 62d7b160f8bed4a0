import { EyeOutlined } from '@ant-design/icons';
import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { unmaskOrderParty, type MaskedParty } from '../../api/consoleOrders';
import { ReasonModal } from '../components/ReasonModal';
import '../components/secret.css';

/** The server's rule (src/modules/orders/staff-unmask-order-party.ts): at least 5 characters once trimmed. */
const MIN_REASON_LENGTH = 5;

/** One person's full details after a typed reason; opened with a key and unmounted on close, caching nothing. */
export function UnmaskPartyModal({ orderId, party, onClose }: { orderId: string; party: MaskedParty; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      title={t('consoleOrders.unmaskTitle')}
      details={[
        { key: 'order', label: t('consoleOrders.orderId'), value: orderId, isId: true },
        { key: 'name', label: t('consoleOrders.name'), value: party.name ?? '—' },
      ]}
      notice={<Alert type="warning" showIcon title={t('consoleOrders.unmaskNotice')} className="console-page__block" />}
      field={{
        bodyName: 'reason',
        label: t('consoleOrders.reason'),
        placeholder: t('consoleOrders.reasonPlaceholder'),
        tooShort: t('consoleOrders.reasonTooShort'),
        minLength: MIN_REASON_LENGTH,
        maxLength: 500,
        rows: 3,
        testId: 'order-unmask-reason',
      }}
      submit={{ label: t('consoleOrders.show'), icon: <EyeOutlined />, testId: 'order-unmask-submit' }}
      cancelLabel={t('consoleOrders.cancel')}
      action="order-party-unmask"
      send={(reason) => unmaskOrderParty(orderId, party.id, reason)}
      sentView={{
        closeLabel: t('consoleOrders.close'),
        closeTestId: 'order-unmask-close',
        render: (values) => (
          <Descriptions
            size="small"
            column={1}
            className="console-secret"
            data-testid="order-unmasked"
            items={[
              { key: 'name', label: t('consoleOrders.name'), children: values.name ?? '—' },
              { key: 'document', label: t('consoleOrders.document'), children: values.idDocument?.number ?? values.passport?.number ?? '—' },
              { key: 'contact', label: t('consoleOrders.contact'), children: [values.phone, values.email].filter(Boolean).join(' · ') || '—' },
            ]}
          />
        ),
      }}
      onClose={onClose}
    />
  );
}
