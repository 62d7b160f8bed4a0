import { ShareAltOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Tag, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyDisclosure } from '../../api/types';
import { fieldKey, legalBasisKey, purposeKey, recipientTypeKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

function DisclosureItem({ disclosure }: { disclosure: MyDisclosure }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const term = useTerm();
  return (
    <li className="disclosure" data-testid="my-disclosure">
      <div className="disclosure__head">
        <span className="disclosure__recipient">{disclosure.recipientName}</span>
        <Tag>{term(recipientTypeKey, disclosure.recipientType)}</Tag>
      </div>
      <Descriptions
        size="small"
        column={1}
        className="disclosure__details"
        items={[
          { key: 'at', label: t('dataSharing.at'), children: formatDateTime(disclosure.at, language) },
          { key: 'fields', label: t('dataSharing.fields'), children: disclosure.fields.map((field) => term(fieldKey, field)).join(t('common.listSeparator')) },
          { key: 'purpose', label: t('dataSharing.purpose'), children: term(purposeKey, disclosure.purpose) },
          { key: 'basis', label: t('dataSharing.basis'), children: term(legalBasisKey, disclosure.basis) },
        ]}
      />
    </li>
  );
}

/** "Who received my data": every disclosure to a third party, in words a customer reads without a glossary. */
export function DisclosuresCard({ disclosures }: { disclosures: MyDisclosure[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('dataSharing.listTitle')} className="account-card" data-testid="my-disclosures" data-count={disclosures.length}>
      {disclosures.length === 0 ? (
        <Empty
          image={<ShareAltOutlined className="disclosures-empty__icon" aria-hidden />}
          description={
            <>
              <span className="disclosures-empty__title" data-testid="my-disclosures-empty">
                {t('dataSharing.empty')}
              </span>
              <span className="disclosures-empty__hint">{t('dataSharing.emptyHint')}</span>
            </>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('dataSharing.count', { count: disclosures.length })}</Typography.Paragraph>
          <ul className="disclosures">
            {disclosures.map((disclosure, index) => (
              // Entries carry no id; time and position tell them apart, and the list is only ever replaced whole.
              <DisclosureItem key={`${disclosure.at}-${index}`} disclosure={disclosure} />
            ))}
          </ul>
        </>
      )}
      <Typography.Paragraph type="secondary" className="disclosures__questions">
        <Trans i18nKey="dataSharing.questions" components={{ contact: <Link to="/contact" /> }} />
      </Typography.Paragraph>
    </Card>
  );
}
