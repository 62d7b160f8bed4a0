import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';

interface VersionRow {
  version: number;
  hash: string;
  /** Null for an import (the seed). */
  createdByName: string | null;
  createdAt: string;
}

/** The versions of a document or rating table: who wrote each and when, its hash, and a button to read it. */
export function VersionHistory({ rows, viewLabel, onView, testId, viewTestId }: { rows: VersionRow[]; viewLabel: string; onView: (version: number) => void; testId?: string; viewTestId?: (version: number) => string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Table<VersionRow>
      size="small"
      rowKey="version"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: t('catalogue.edit.documents.version'), dataIndex: 'version', key: 'version', render: (version: number) => `v${version}` },
        { title: t('catalogue.edit.documents.hash'), dataIndex: 'hash', key: 'hash', render: (hash: string) => <code className="privacy-id">{hash.slice(0, 12)}…</code> },
        { title: t('catalogue.edit.documents.writtenBy'), key: 'by', render: (_value, row) => row.createdByName ?? t('catalogue.edit.documents.imported') },
        { title: t('catalogue.edit.documents.writtenAt'), dataIndex: 'createdAt', key: 'at', render: (at: string) => formatDateTime(at, language) },
        {
          title: '',
          key: 'view',
          render: (_value, row) => (
            <Button size="small" type="link" onClick={() => onView(row.version)} data-testid={viewTestId?.(row.version)}>
              {viewLabel}
            </Button>
          ),
        },
      ]}
    />
  );
}
