import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ePolicyHref, type Order, type Policy } from '../api/orders';
import { ErrorNotice } from '../shared/ErrorNotice';
import { usePolicies } from './useOrders';

/** The download links of one policy: the bilingual e-policy, and the visa certificate for a Schengen plan (R-POL-9). */
export function PolicyLinks({ policy, size = 'middle' }: { policy: Policy; size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button type="primary" size={size} icon={<DownloadOutlined />} href={ePolicyHref(policy.id, 'standard')} download data-testid="download-e-policy">
        {t('purchase.paid.download')}
      </Button>
      {policy.hasSchengenCertificate ? (
        <Button size={size} icon={<DownloadOutlined />} href={ePolicyHref(policy.id, 'schengen_certificate')} download data-testid="download-schengen">
          {t('purchase.paid.downloadSchengen')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The policy of an issued order with its number and downloads; asked again until the list holds it. */
export function PolicyDownloads({ order }: { order: Order }) {
  const { t } = useTranslation();
  const policies = usePolicies(order.status === 'issued', (list) => list.some((policy) => policy.orderId === order.id));
  const policy = policies.data?.policies.find((candidate) => candidate.orderId === order.id);
  if (policies.isError) return <ErrorNotice error={policies.error} onRetry={() => void policies.refetch()} />;
  if (!policy) return <Spin />;
  return (
    <div className="policy-downloads" data-testid="policy-downloads" data-policy={policy.id}>
      <Descriptions size="small" column={1} items={[{ key: 'number', label: t('purchase.paid.policyNumber'), children: <strong data-testid="policy-number">{policy.policyNumber}</strong> }]} />
      <PolicyLinks policy={policy} size="large" />
    </div>
  );
}
