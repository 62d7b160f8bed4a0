import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the sweep does with a record past retention: deletes it, or anonymises it where others refer to it. */
export function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  if (action !== 'delete' && action !== 'anonymise') return <Tag>{action}</Tag>;
  return (
    <Tag color={action === 'delete' ? 'red' : 'geekblue'} data-action={action}>
      {t(`console.retention.handling.${action}`)}
    </Tag>
  );
}

/** The table and action columns, which the schedule and a sweep's result share. */
export function useRetentionColumns() {
  const { t } = useTranslation();
  return {
    table: {
      title: t('console.retention.table'),
      dataIndex: 'table',
      key: 'table',
      render: (table: string) => (
        <span className="privacy-id" translate="no">
          {table}
        </span>
      ),
    },
    action: { title: t('console.retention.action'), dataIndex: 'action', key: 'action', render: (action: string) => <ActionTag action={action} /> },
  };
}
