import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createDraft, type DocumentKind, type VersionMeta } from '../../api/documents';
import { consoleMutationKey } from '../../api/queryKeys';
import { documentKinds } from '../../../../src/shared/policy-documents.ts';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { PageSpinner } from '../../shared/PageSpinner';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { policyKeys, useConsoleDocuments } from '../hooks/usePolicyVersions';
import { hasPermission } from '../permissions';
import { PhaseTag } from './DocumentVersionPage';
import '../components/privacy-pages.css';

export function versionPagePath(document: DocumentKind, version: number): string {
  return `/console/documents/${document}/${version}`;
}

export function ChangeFlags({ version }: { version: Pick<VersionMeta, 'material' | 'narrowsRights'> }) {
  const { t } = useTranslation();
  if (!version.material && !version.narrowsRights) return <span className="privacy-muted">{t('policies.console.minor')}</span>;
  return (
    <span className="privacy-tags">
      {version.material ? <Tag color="blue">{t('policies.page.material')}</Tag> : null}
      {version.narrowsRights ? <Tag color="orange">{t('policies.page.narrowsRights')}</Tag> : null}
    </span>
  );
}

function DocumentVersions({ document, versions, canManage }: { document: DocumentKind; versions: VersionMeta[]; canManage: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = versions.find((version) => version.status === 'draft');
  const create = useMutation({
    mutationKey: consoleMutationKey('document-draft'),
    mutationFn: () => createDraft(document),
    onSuccess: (created) => {
      void message.success(t('policies.console.draftCreated', { version: created.version }));
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      void navigate(versionPagePath(document, created.version));
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });
  const date = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');

  const columns: TableColumnsType<VersionMeta> = [
    { title: t('policies.console.columns.version'), dataIndex: 'version', key: 'version', render: (version: number) => t('policies.page.version', { version }) },
    { title: t('policies.console.columns.phase'), dataIndex: 'phase', key: 'phase', render: (_value, version) => <PhaseTag phase={version.phase} /> },
    { title: t('policies.console.columns.title'), key: 'title', render: (_value, version) => (language === 'en' ? version.titleEn : version.titleZh) },
    { title: t('policies.console.columns.flags'), key: 'flags', render: (_value, version) => <ChangeFlags version={version} /> },
    { title: t('policies.console.columns.effective'), dataIndex: 'effectiveAt', key: 'effectiveAt', render: date },
    { title: t('policies.console.columns.published'), dataIndex: 'publishedAt', key: 'publishedAt', render: date },
    {
      title: '',
      key: 'open',
      render: (_value, version) => (
        <Link to={versionPagePath(document, version.version)} data-testid={`document-${document}-version-${version.version}`}>
          {version.status === 'draft' && canManage ? t('policies.console.openDraft') : t('policies.console.open')}
        </Link>
      ),
    },
  ];

  return (
    <Card
      className="console-page__block"
      title={t(`policies.documents.${document}`)}
      data-testid={`document-card-${document}`}
      extra={
        canManage ? (
          draft ? (
            <Button icon={<EditOutlined />} onClick={() => void navigate(versionPagePath(document, draft.version))}>
              {t('policies.console.openDraft')}
            </Button>
          ) : (
            <Button type="primary" icon={<PlusOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid={`document-${document}-new-draft`}>
              {t('policies.console.newDraft')}
            </Button>
          )
        ) : null
      }
    >
      <Table<VersionMeta>
        rowKey="version"
        size="middle"
        columns={columns}
        dataSource={versions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('policies.console.noVersions') }}
      />
    </Card>
  );
}

function Documents() {
  const { t } = useTranslation();
  const me = useCurrentStaff();
  const documents = useConsoleDocuments();
  useDocumentTitle(t('policies.console.title'));
  const canManage = hasPermission(me, 'documents.manage');

  return (
    <div className="console-page">
      <ConsolePageHeader title={t('policies.console.title')} subtitle={t('policies.console.subtitle')} testId="documents-title" />
      {documents.isError ? (
        <ErrorNotice error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.isPending ? (
        <PageSpinner />
      ) : (
        documentKinds.map((document) => (
          <DocumentVersions key={document} document={document} versions={documents.data.filter((version) => version.document === document)} canManage={canManage} />
        ))
      )}
    </div>
  );
}

/** The versions of the privacy policy, user agreement and cookie policy (R-UPD-1). */
export function DocumentsPage() {
  return (
    <RequirePermission permission="documents.read">
      <Documents />
    </RequirePermission>
  );
}
