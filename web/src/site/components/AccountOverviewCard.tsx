import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountOverview } from '../../api/types';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

export function AccountOverviewCard({ account }: { account: AccountOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card title={t('account.overview.title')} className="account-card">
      <Descriptions
        column={1}
        items={[
          { key: 'phone', label: t('account.overview.phone'), children: <span data-testid="account-phone">{account.phoneMasked}</span> },
          { key: 'createdAt', label: t('account.overview.createdAt'), children: formatDateTime(account.createdAt, language) },
        ]}
      />
    </Card>
  );
}
