import { Card, Empty, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsentHistoryEntry, DocumentConsentView } from '../../../../src/shared/consents.ts';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

function Fingerprint({ hash }: { hash: string | null }) {
  const { t } = useTranslation();
  if (!hash) return <span>—</span>;
  return (
    <Tooltip title={`${t('consents.textHash')}: ${hash}`}>
      <code className="consent-item__hash" translate="no">
        {hash.slice(0, 12)}
      </code>
    </Tooltip>
  );
}

/** The agreements and policies the person accepted or acknowledged, by version and text fingerprint. */
export function DocumentConsentsCard({ documents }: { documents: DocumentConsentView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card title={t('consents.documents.title')} className="account-card" data-testid="consent-documents">
      <Typography.Paragraph type="secondary">{t('consents.documents.hint')}</Typography.Paragraph>
      {documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consents.documents.empty')} />
      ) : (
        <ul className="consent-list">
          {documents.map((document) => (
            <li key={document.document} className="consent-item" data-testid={`consent-document-${document.document}`}>
              <div className="consent-item__main">
                <p className="consent-item__text">
                  {document.title}
                  {document.version !== null ? <span className="consent-item__version">{t('consents.documents.version', { version: document.version })}</span> : null}
                </p>
                <p className="consent-item__meta">
                  <span>
                    {t(`consents.actions.${document.action}`)} · {formatDateTime(document.at, language)} · {t(`consents.channels.${document.channel}`)}
                  </span>
                  <Fingerprint hash={document.textHash} />
                </p>
              </div>
              {document.document === 'privacy_policy' ? <Link to="/privacy">{t('consents.documents.read')}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Every decision, newest first: the evidence, which a withdrawal adds to and never removes. */
export function ConsentHistoryCard({ history }: { history: ConsentHistoryEntry[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<ConsentHistoryEntry> = [
    { title: t('consents.history.at'), dataIndex: 'at', key: 'at', render: (at: string) => formatDateTime(at, language, { seconds: true }) },
    { title: t('consents.history.item'), dataIndex: 'label', key: 'label', className: 'consent-history__item' },
    { title: t('consents.history.action'), dataIndex: 'action', key: 'action', render: (action: ConsentHistoryEntry['action']) => t(`consents.actions.${action}`) },
    { title: t('consents.history.channel'), dataIndex: 'channel', key: 'channel', render: (channel: ConsentHistoryEntry['channel']) => t(`consents.channels.${channel}`) },
    { title: t('consents.history.version'), dataIndex: 'version', key: 'version', render: (version: number | null) => version ?? '—' },
    { title: t('consents.history.hash'), dataIndex: 'textHash', key: 'textHash', render: (hash: string) => <Fingerprint hash={hash} /> },
  ];
  return (
    <Card title={t('consents.history.title')} className="account-card">
      <Typography.Paragraph type="secondary">{t('consents.history.hint')}</Typography.Paragraph>
      <Table<ConsentHistoryEntry>
        data-testid="consent-history"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history}
        pagination={history.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('consents.history.empty') }}
      />
    </Card>
  );
}
