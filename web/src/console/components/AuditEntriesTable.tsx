import { Descriptions, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { actorTypeKey, auditActionKey, fieldKey, purposeKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import './privacy-pages.css';

// The actions worth a second look stand out; plain reads stay quiet.
const ACTION_COLORS: Readonly<Record<string, string>> = { unmask: 'orange', refused: 'red', disclose: 'purple', export: 'gold', delete: 'volcano' };

function Id({ value }: { value: string | null }) {
  return value ? (
    <span className="privacy-id" translate="no">
      {value}
    </span>
  ) : (
    <span className="privacy-muted">—</span>
  );
}

/** Where the entry sits and which request made it: needed to follow one up, not to read the log. */
function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      className="audit-details"
      items={[
        { key: 'record', label: t('console.audit.record'), children: <Id value={entry.record} /> },
        { key: 'requestId', label: t('console.audit.requestId'), children: <Id value={entry.requestId} /> },
        { key: 'ip', label: t('console.audit.ip'), children: <Id value={entry.ip} /> },
        { key: 'position', label: t('console.audit.position'), children: t('console.audit.positionValue', { chain: entry.chain, seq: entry.seq }) },
      ]}
    />
  );
}

export function AuditEntriesTable({ entries, loading, searched }: { entries: AuditEntry[]; loading: boolean; searched: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const term = useTerm();

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('console.audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => {
        const [date, time] = formatDateTime(at, language, { seconds: true }).split(' ');
        return (
          <span className="privacy-stack audit-time">
            <span>{date}</span>
            <span>{time}</span>
          </span>
        );
      },
    },
    {
      title: t('console.audit.actorColumn'),
      key: 'actor',
      render: (_value, entry) => (
        <span className="privacy-stack">
          <span>{entry.actorName ? <strong data-testid="audit-actor-name">{entry.actorName}</strong> : term(actorTypeKey, entry.actorType)}</span>
          <Id value={entry.actorId} />
        </span>
      ),
    },
    {
      title: t('console.audit.actionColumn'),
      key: 'action',
      render: (_value, entry) => {
        const fields = entry.fields.map((field) => term(fieldKey, field)).join(t('common.listSeparator'));
        return (
          <span className="privacy-stack">
            <Tag color={ACTION_COLORS[entry.action] ?? 'blue'} data-action={entry.action}>
              {term(auditActionKey, entry.action)}
            </Tag>
            {/* What was touched; a long list (a whole record saved) folds to two lines. */}
            {fields ? (
              <Typography.Paragraph className="audit-fields" ellipsis={{ rows: 2, tooltip: fields }}>
                {fields}
              </Typography.Paragraph>
            ) : null}
          </span>
        );
      },
    },
    {
      title: t('console.audit.subjectColumn'),
      key: 'subject',
      // Entries about no one in particular (a recipient saved, the log searched) name their record instead.
      render: (_value, entry) =>
        entry.subjectId || !entry.record ? (
          <Id value={entry.subjectId} />
        ) : (
          <span className="privacy-muted privacy-id audit-record" translate="no">
            {entry.record}
          </span>
        ),
    },
    { title: t('console.audit.purpose'), dataIndex: 'purpose', key: 'purpose', render: (purpose: string) => <span className="audit-purpose">{term(purposeKey, purpose)}</span> },
    {
      title: t('console.audit.reason'),
      dataIndex: 'reason',
      key: 'reason',
      // Reasons are free text and can be long; they wrap instead of widening the table.
      render: (reason: string | null) => (reason ? <Typography.Paragraph className="audit-reason">{reason}</Typography.Paragraph> : <span className="privacy-muted">—</span>),
    },
  ];

  return (
    <>
      {searched && entries.length > 0 ? <p className="privacy-table-note">{t('console.audit.resultCount', { count: entries.length })}</p> : null}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey={(entry) => `${entry.chain}-${entry.seq}`}
        size="middle"
        columns={columns}
        dataSource={entries}
        loading={loading}
        expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
        pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        className="audit-table"
        locale={{ emptyText: searched ? t('console.audit.noResults') : t('console.audit.notSearched') }}
      />
    </>
  );
}
