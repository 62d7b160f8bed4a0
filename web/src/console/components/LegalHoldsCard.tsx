import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalHold } from '../../api/types';
import { useTerm } from '../../privacy/useTerm';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import { useLegalHolds } from '../hooks/useRetention';
import { holdKindKey } from '../retentionTerms';
import { PlaceHoldModal } from './PlaceHoldModal';
import { ReleaseHoldModal } from './ReleaseHoldModal';
import './privacy-pages.css';
import './retention.css';

/** Who and when, one under the other. */
function ByAt({ who, at }: { who: string; at: string }) {
  const { language } = useLanguage();
  return (
    <span className="privacy-stack">
      <span className="privacy-id" translate="no">
        {who}
      </span>
      <span className="privacy-muted audit-time">{formatDateTime(at, language)}</span>
    </span>
  );
}

/** Legal holds in force (or all), with placing and releasing for those who may manage them. */
export function LegalHoldsCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const term = useTerm();
  const [includeReleased, setIncludeReleased] = useState(false);
  const holds = useLegalHolds(includeReleased);
  const [isPlacing, setIsPlacing] = useState(false);
  const [releasing, setReleasing] = useState<LegalHold | null>(null);

  const columns: TableColumnsType<LegalHold> = [
    {
      title: t('console.retention.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: string) => (
        <Tag color={kind === 'insurance_record' ? 'blue' : 'purple'} data-kind={kind}>
          {term(holdKindKey, kind)}
        </Tag>
      ),
    },
    {
      title: t('console.retention.subjectAndScope'),
      key: 'subject',
      render: (_value, hold) => (
        <span className="privacy-stack">
          <span className="privacy-id" translate="no" data-testid="hold-subject-id">
            {hold.subjectId}
          </span>
          {hold.recordTable && hold.recordId ? (
            <span className="privacy-id privacy-muted" translate="no">
              {hold.recordTable}/{hold.recordId}
            </span>
          ) : (
            <span className="privacy-muted">{t('console.retention.wholePerson')}</span>
          )}
        </span>
      ),
    },
    { title: t('console.retention.reference'), dataIndex: 'reference', key: 'reference', render: (reference: string) => <span className="retention-reference">{reference}</span> },
    {
      title: t('console.retention.retainUntil'),
      dataIndex: 'retainUntil',
      key: 'retainUntil',
      render: (until: string | null) => (until ? <span className="audit-time">{formatDateTime(until, language)}</span> : <span className="privacy-muted">{t('console.retention.untilReleased')}</span>),
    },
    { title: t('console.retention.placed'), key: 'placed', render: (_value, hold) => <ByAt who={hold.placedBy} at={hold.placedAt} /> },
    {
      title: t('console.retention.released'),
      key: 'released',
      render: (_value, hold) =>
        hold.releasedAt ? (
          <span className="privacy-stack" data-testid="hold-status" data-status="released">
            <ByAt who={hold.releasedBy ?? '—'} at={hold.releasedAt} />
          </span>
        ) : (
          <Tag color="success" data-testid="hold-status" data-status="in_force">
            {t('console.retention.inForce')}
          </Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('console.retention.actions'),
            key: 'actions',
            render: (_value: unknown, hold: LegalHold) =>
              hold.releasedAt ? null : (
                <Button size="small" danger onClick={() => setReleasing(hold)} data-testid="hold-release">
                  {t('console.retention.release.open')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('console.retention.holdsTitle')}
      className="console-page__block retention-card"
      extra={
        <Space size={12} wrap>
          <label className="alerts-switch">
            <Space size={8}>
              <Switch checked={includeReleased} onChange={setIncludeReleased} data-testid="holds-show-released" />
              {t('console.retention.showReleased')}
            </Space>
          </label>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsPlacing(true)} data-testid="hold-place">
              {t('console.retention.place.open')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {holds.isError ? (
        <ErrorNotice error={holds.error} onRetry={() => void holds.refetch()} />
      ) : (
        <Table<LegalHold>
          data-testid="holds-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={holds.data ?? []}
          loading={holds.isPending || holds.isPlaceholderData}
          pagination={false}
          scroll={{ x: 'max-content' }}
          className="retention-table"
          locale={{ emptyText: includeReleased ? t('console.retention.holdsEmptyAll') : t('console.retention.holdsEmpty') }}
        />
      )}
      {isPlacing ? <PlaceHoldModal onClose={() => setIsPlacing(false)} /> : null}
      {releasing ? <ReleaseHoldModal key={releasing.id} hold={releasing} onClose={() => setReleasing(null)} /> : null}
    </Card>
  );
}
