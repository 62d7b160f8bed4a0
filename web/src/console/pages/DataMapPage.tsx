import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataMapEntry, LocalisedText, Recipient } from '../../api/types';
import type { Language } from '../../i18n/language';
import { purposeKey, storedAsKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { beijingToday } from '../../shared/beijingTime';
import { downloadJson } from '../../shared/downloadJson';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { receivesData } from '../agreementState';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { useDataMap } from '../hooks/useDataMap';
import { useRecipients } from '../hooks/useRecipients';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';

const STORED_AS_COLORS: Readonly<Record<string, string>> = { encrypted: 'green', keyed_hash: 'cyan', hash: 'cyan', plain: 'default' };

const inLanguage = (text: LocalisedText, language: Language) => (language === 'en' ? text.en : text.zh);

/**
 * Recipients of one category: from the registry when this staff member may read it (with whether
 * each agreement is in force today), otherwise the names the data map lists.
 */
function RecipientsCell({ entry, registry, today }: { entry: DataMapEntry; registry: Recipient[] | undefined; today: string }) {
  const { t } = useTranslation();
  const registered = registry?.filter((recipient) => recipient.categories.includes(entry.category));
  if ((registered?.length ?? entry.recipients.length) === 0) return <span className="privacy-muted">{t('console.dataMap.noRecipients')}</span>;
  return (
    <ul className="data-map-list">
      {registered
        ? registered.map((recipient) => (
            <li key={recipient.id}>
              {recipient.name}
              {receivesData(recipient, today) ? null : <span className="recipient-receives-nothing">{t('console.recipients.receivesNothing')}</span>}
            </li>
          ))
        : entry.recipients.map((name) => <li key={name}>{name}</li>)}
    </ul>
  );
}

function DataMap() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const term = useTerm();
  const me = useCurrentStaff();
  const dataMap = useDataMap();
  // The map's own recipient lists come from the code; the registry says who is actually set up to receive.
  const canReadRecipients = hasPermission(me, 'recipients.read');
  const recipients = useRecipients({ enabled: canReadRecipients });
  const today = beijingToday();
  useDocumentTitle(t('console.dataMap.title'));

  const exportJson = () => {
    if (!dataMap.data) return;
    const file = `besttrav-data-map-${today}.json`;
    downloadJson(dataMap.data, file);
    void message.success(t('console.dataMap.exported', { file }));
  };

  const columns: TableColumnsType<DataMapEntry> = [
    {
      title: t('console.dataMap.category'),
      key: 'category',
      width: '18%',
      render: (_value, entry) => (
        <span className="privacy-stack">
          <strong>{inLanguage(entry.name, language)}</strong>
          <span className="privacy-id privacy-muted data-map-code" translate="no">
            {entry.category}
          </span>
          {entry.isSensitive ? (
            <Tag color="red" data-testid="data-map-sensitive">
              {t('console.dataMap.sensitive')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('console.dataMap.storedIn'),
      key: 'storedIn',
      width: '26%',
      render: (_value, entry) => (
        <ul className="data-map-list data-map-list--plain">
          {entry.storedIn.map((place) => (
            <li key={`${place.table}.${place.column}`} className="data-map-place">
              <span className="privacy-id" translate="no">
                {place.table}.{place.column}
              </span>
              <Tag color={STORED_AS_COLORS[place.storedAs] ?? 'default'}>{term(storedAsKey, place.storedAs)}</Tag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: t('console.dataMap.purposes'),
      key: 'purposes',
      width: '16%',
      render: (_value, entry) => (
        <span className="privacy-tags">
          {entry.purposes.map((purpose) => (
            <Tag key={purpose}>{term(purposeKey, purpose)}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('console.dataMap.bases'),
      key: 'bases',
      width: '14%',
      render: (_value, entry) => (
        <ul className="data-map-list">
          {entry.bases.map((basis) => (
            <li key={basis.basis}>{inLanguage(basis, language)}</li>
          ))}
        </ul>
      ),
    },
    {
      title: t('console.dataMap.retention'),
      key: 'retention',
      width: '14%',
      render: (_value, entry) => (
        <ul className="data-map-list">
          {entry.retention.map((rule) => (
            <li key={rule.rule}>{inLanguage(rule, language)}</li>
          ))}
        </ul>
      ),
    },
    {
      title: t('console.dataMap.recipients'),
      key: 'recipients',
      width: '12%',
      render: (_value, entry) => <RecipientsCell entry={entry} registry={recipients.data} today={today} />,
    },
  ];

  const entries = dataMap.data ?? [];
  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.dataMap.title')}
        subtitle={t('console.dataMap.subtitle')}
        testId="data-map-title"
        actions={
          <Button icon={<DownloadOutlined />} disabled={!dataMap.data} onClick={exportJson} data-testid="data-map-export">
            {t('console.dataMap.export')}
          </Button>
        }
      />
      <Card>
        {dataMap.isError ? (
          <ErrorNotice error={dataMap.error} onRetry={() => void dataMap.refetch()} />
        ) : (
          <>
            {dataMap.data ? (
              <p className="privacy-table-note" data-testid="data-map-summary">
                {t('console.dataMap.summary', { count: entries.length, sensitive: entries.filter((entry) => entry.isSensitive).length })}
              </p>
            ) : null}
            <Table<DataMapEntry>
              data-testid="data-map-table"
              rowKey="category"
              size="middle"
              columns={columns}
              dataSource={entries}
              loading={dataMap.isPending}
              pagination={false}
              // Fixed widths that fit a laptop beside the menu; narrower screens scroll sideways.
              tableLayout="fixed"
              scroll={{ x: 940 }}
              className="data-map-table"
            />
          </>
        )}
      </Card>
    </div>
  );
}

/** The record of processing activities (RoPA), for the PI-protection officer, auditors and administrators. */
export function DataMapPage() {
  return (
    <RequirePermission permission="privacy.data_map.read">
      <DataMap />
    </RequirePermission>
  );
}
