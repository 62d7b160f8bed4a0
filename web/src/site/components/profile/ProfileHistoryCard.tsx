import { HistoryOutlined } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProfileChange } from '../../../api/profile';
import { formatDateTime } from '../../../shared/formatDateTime';
import { useLanguage } from '../../../shared/useLanguage';

const fieldKeys: Record<string, ParseKeys> = {
  name: 'profile.fields.name',
  gender: 'profile.fields.gender',
  company: 'profile.fields.company',
  idDocument: 'profile.fields.idDocument',
  email: 'profile.fields.email',
  address: 'profile.fields.address',
  otherInfo: 'profile.fields.otherInfo',
  phone: 'profile.fields.phone',
};

/** Which details changed, when, by whom and where — the server never keeps the values, so neither does this list. */
export function ProfileHistoryCard({ changes }: { changes: ProfileChange[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card title={t('profile.history.title')} className="account-card" data-testid="profile-history">
      <Typography.Paragraph type="secondary">{t('profile.history.intro')}</Typography.Paragraph>
      {changes.length === 0 ? (
        <Empty image={<HistoryOutlined className="disclosures-empty__icon" aria-hidden />} description={t('profile.history.empty')} />
      ) : (
        <ul className="profile-history">
          {changes.map((change, index) => (
            // Entries are only ever replaced as a whole list; time and position tell them apart.
            <li key={`${change.at}-${index}`} className="profile-history__entry" data-testid="history-entry">
              <div className="profile-history__fields">
                {change.fields.map((field) => (fieldKeys[field] ? t(fieldKeys[field]) : field)).join(t('common.listSeparator'))}
              </div>
              <Typography.Text type="secondary" className="profile-history__meta">
                {formatDateTime(change.at, language)} · {t('profile.history.entry', { by: t(`profile.history.by.${change.by}`), channel: t(`profile.history.channel.${change.channel}`) })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
