import { ArrowLeftOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Popconfirm, Radio, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { discardDraft, publishVersion, saveDraft, type DocumentKind, type DraftSource, type VersionDetail, type VersionPhase } from '../../api/documents';
import { consoleMutationKey } from '../../api/queryKeys';
import { DiffView } from '../../policies/DiffView';
import { documentKinds } from '../../../../src/shared/policy-documents.ts';
import { MarkdownDocument } from '../../policies/MarkdownDocument';
import { describeError } from '../../shared/describeError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { PageSpinner } from '../../shared/PageSpinner';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RequirePermission } from '../components/RequirePermission';
import { useCurrentStaff } from '../hooks/useCurrentStaff';
import { policyKeys, useConsoleDiff, useConsoleVersion } from '../hooks/usePolicyVersions';
import { hasPermission } from '../permissions';
import '../components/privacy-pages.css';
import '../../policies/policies.css';

// What the texts may contain besides markdown: filled from configuration when shown (R-PLAT-2).
const PLACEHOLDERS = ['{{operator.company}}', '{{operator.address}}', '{{operator.hotline}}', '{{operator.privacyContact}}', '{{operator.privacyEmail}}', '{{effectiveDate}}'];

export function PhaseTag({ phase }: { phase: VersionPhase }) {
  const { t } = useTranslation();
  const colour: Record<VersionPhase, string | undefined> = { draft: 'default', scheduled: 'gold', current: 'blue', earlier: undefined };
  return (
    <Tag color={colour[phase]} data-testid="document-phase" data-phase={phase}>
      {t(`policies.console.phase.${phase}`)}
    </Tag>
  );
}

function useErrorMessage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown) => {
    const { title, detail } = describeError(error, t);
    const fields = error && typeof error === 'object' && 'fieldErrors' in error ? (error.fieldErrors as Array<{ pointer: string; detail: string }> | undefined) : undefined;
    const extra = fields?.length ? ` (${fields.map((field) => `${field.pointer.replace(/^\/(body\/)?/, '')}: ${field.detail}`).join('; ')})` : '';
    void message.error(`${detail || title}${extra}`);
  };
}

function Preview({ detail }: { detail: VersionDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const pane = (text: VersionDetail['zh'], testId: string) => (
    <>
      {text.summary ? <Alert className="policy-notice__inline" type="info" title={t('policies.console.editor.summary')} description={text.summary} /> : null}
      <Typography.Title level={3}>{text.title}</Typography.Title>
      <MarkdownDocument body={text.body} title={text.title} testId={testId} />
    </>
  );
  return (
    <Tabs
      defaultActiveKey={language === 'en' ? 'en' : 'zh'}
      items={[
        { key: 'zh', label: t('policies.console.editor.zh'), children: pane(detail.zh, 'document-preview-zh') },
        { key: 'en', label: t('policies.console.editor.en'), children: pane(detail.en, 'document-preview-en') },
      ]}
    />
  );
}

function Comparison({ document, version }: { document: DocumentKind; version: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const diff = useConsoleDiff(document, version);
  if (diff.isError) return <ErrorNotice error={diff.error} onRetry={() => void diff.refetch()} />;
  if (!diff.data) return <PageSpinner />;
  return (
    <>
      <p>{diff.data.from ? `${t('policies.console.preview.previous')}: ${t('policies.page.version', { version: diff.data.from.version })}` : t('policies.console.preview.none')}</p>
      <Tabs
        defaultActiveKey={language === 'en' ? 'en' : 'zh'}
        items={[
          { key: 'zh', label: t('policies.console.editor.zh'), children: <DiffView lines={diff.data.zh} testId="document-diff-zh" /> },
          { key: 'en', label: t('policies.console.editor.en'), children: <DiffView lines={diff.data.en} testId="document-diff-en" /> },
        ]}
      />
    </>
  );
}

/** A Beijing wall-clock time from a datetime-local field (China has one offset and no summer time). */
function beijingInstant(value: string): string | null {
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function PublishCard({ detail, isDirty }: { detail: VersionDetail; isDirty: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorMessage();
  const [when, setWhen] = useState<'now' | 'scheduled'>('now');
  const [at, setAt] = useState('');
  const publish = useMutation({
    mutationKey: consoleMutationKey('document-publish'),
    mutationFn: () => publishVersion(detail.document, detail.version, when === 'scheduled' ? beijingInstant(at) : null),
    onSuccess: (published) => {
      queryClient.setQueryData(policyKeys.version(detail.document, detail.version), published);
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      void message.success(
        published.phase === 'scheduled'
          ? t('policies.console.publish.scheduledDone', { version: published.version, date: formatDateTime(published.effectiveAt ?? '', language) })
          : t('policies.console.publish.done', { version: published.version }),
      );
    },
    onError: showError,
  });

  return (
    <Card className="console-page__block" title={t('policies.console.publish.title')} data-testid="document-publish-card">
      <Radio.Group value={when} onChange={(event) => setWhen(event.target.value as 'now' | 'scheduled')} data-testid="document-publish-when">
        <Radio value="now">{t('policies.console.publish.now')}</Radio>
        <Radio value="scheduled" data-testid="document-publish-scheduled">
          {t('policies.console.publish.scheduled')}
        </Radio>
      </Radio.Group>
      {when === 'scheduled' ? (
        <p>
          <label>
            {t('policies.console.publish.at')}{' '}
            <Input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} className="document-publish__at" data-testid="document-publish-at" />
          </label>
        </p>
      ) : null}
      <p>
        <Popconfirm
          title={t('policies.console.publish.confirm', { version: detail.version })}
          okButtonProps={{ 'data-testid': 'document-publish-confirm' }}
          onConfirm={() => (isDirty ? void message.warning(t('policies.console.publish.saveFirst')) : publish.mutateAsync().catch(() => undefined))}
        >
          <Button type="primary" loading={publish.isPending} disabled={when === 'scheduled' && !beijingInstant(at)} data-testid="document-publish">
            {t('policies.console.publish.submit')}
          </Button>
        </Popconfirm>
      </p>
    </Card>
  );
}

function DraftEditor({ detail }: { detail: VersionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorMessage();
  const [form] = Form.useForm<DraftSource>();
  const [isDirty, setIsDirty] = useState(false);
  const save = useMutation({
    mutationKey: consoleMutationKey('document-save'),
    mutationFn: (source: DraftSource) => saveDraft(detail.document, detail.version, source),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyKeys.version(detail.document, detail.version), saved);
      void queryClient.invalidateQueries({ queryKey: policyKeys.diff(detail.document, detail.version) });
      void queryClient.invalidateQueries({ queryKey: policyKeys.all, exact: true });
      setIsDirty(false);
      void message.success(t('policies.console.editor.saved'));
    },
    onError: showError,
  });
  const language = (suffix: 'Zh' | 'En') => (
    <>
      <Form.Item name={`title${suffix}`} label={t('policies.console.editor.title')}>
        <Input maxLength={200} data-testid={`document-title-${suffix.toLowerCase()}`} />
      </Form.Item>
      <Form.Item name={`summary${suffix}`} label={t('policies.console.editor.summary')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`document-summary-${suffix.toLowerCase()}`} />
      </Form.Item>
      <Form.Item name={`body${suffix}`} label={t('policies.console.editor.body')} extra={`${t('policies.console.editor.placeholders')} ${PLACEHOLDERS.join('  ')}`}>
        <Input.TextArea autoSize={{ minRows: 12, maxRows: 30 }} className="document-editor__body" data-testid={`document-body-${suffix.toLowerCase()}`} />
      </Form.Item>
    </>
  );

  return (
    <>
      <Form form={form} layout="vertical" initialValues={detail.source} onValuesChange={() => setIsDirty(true)} onFinish={(values) => save.mutate({ ...detail.source, ...values })} data-testid="document-editor">
        <Tabs
          items={[
            { key: 'zh', label: t('policies.console.editor.zh'), forceRender: true, children: language('Zh') },
            { key: 'en', label: t('policies.console.editor.en'), forceRender: true, children: language('En') },
          ]}
        />
        <Form.Item name="material" valuePropName="checked">
          <Checkbox data-testid="document-material">{t('policies.console.editor.material')}</Checkbox>
        </Form.Item>
        <Form.Item name="narrowsRights" valuePropName="checked">
          <Checkbox data-testid="document-narrows">{t('policies.console.editor.narrowsRights')}</Checkbox>
        </Form.Item>
        {isDirty ? <Alert className="policy-notice__inline" type="warning" showIcon title={t('policies.console.editor.unsaved')} /> : null}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="document-save">
          {t('policies.console.editor.save')}
        </Button>
      </Form>
      <PublishCard detail={detail} isDirty={isDirty} />
    </>
  );
}

function VersionView({ document, version }: { document: DocumentKind; version: number }) {
  const { t } = useTranslation();
  const me = useCurrentStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorMessage();
  const detail = useConsoleVersion(document, version);
  const title = t('policies.console.versionTitle', { document: t(`policies.documents.${document}`), version });
  useDocumentTitle(title);
  const isEditable = detail.data?.status === 'draft' && hasPermission(me, 'documents.manage');
  const discard = useMutation({
    mutationKey: consoleMutationKey('document-discard'),
    mutationFn: () => discardDraft(document, version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      void message.success(t('policies.console.editor.discarded'));
      void navigate('/console/documents');
    },
    onError: showError,
  });

  let body;
  if (detail.isError) body = <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  else if (!detail.data) body = <PageSpinner />;
  else {
    const data = detail.data;
    const tabs = [
      ...(isEditable ? [{ key: 'edit', label: t('policies.console.tabs.edit'), children: <DraftEditor key={data.version} detail={data} /> }] : []),
      { key: 'preview', label: <span data-testid="document-tab-preview">{t('policies.console.tabs.preview')}</span>, children: <Preview detail={data} /> },
      { key: 'diff', label: <span data-testid="document-tab-diff">{t('policies.console.tabs.diff')}</span>, children: <Comparison document={document} version={version} /> },
    ];
    body = (
      <>
        <Alert className="policy-notice__inline" type={data.status === 'draft' ? 'info' : 'success'} showIcon title={data.status === 'draft' ? t('policies.console.draftHint') : t('policies.console.readOnly')} />
        {data.textHash ? (
          <p className="privacy-muted">
            {t('policies.console.textHash')}: <span className="privacy-id" data-testid="document-hash">{data.textHash}</span>
          </p>
        ) : null}
        <Card>
          <Tabs key={data.status} items={tabs} />
        </Card>
      </>
    );
  }

  return (
    <div className="console-page">
      <p>
        <Link to="/console/documents">
          <ArrowLeftOutlined /> {t('policies.console.back')}
        </Link>
      </p>
      <ConsolePageHeader
        title={title}
        testId="document-version-title"
        actions={
          <>
            {detail.data ? <PhaseTag phase={detail.data.phase} /> : null}
            {isEditable ? (
              <Popconfirm title={t('policies.console.editor.discardConfirm')} onConfirm={() => discard.mutateAsync().catch(() => undefined)}>
                <Button danger icon={<DeleteOutlined />} loading={discard.isPending} data-testid="document-discard">
                  {t('policies.console.editor.discard')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {body}
    </div>
  );
}

/** /console/documents/:document/:version — draft, preview, compare and publish one version (R-UPD-1). */
export function DocumentVersionPage() {
  const params = useParams();
  const document = documentKinds.find((kind) => kind === params.document);
  const version = Number(params.version);
  return (
    <RequirePermission permission="documents.read">
      {document && Number.isInteger(version) && version > 0 ? <VersionView key={`${document}:${version}`} document={document} version={version} /> : <ErrorNotice error={null} />}
    </RequirePermission>
  );
}
